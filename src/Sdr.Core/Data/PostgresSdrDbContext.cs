using Microsoft.EntityFrameworkCore;
using Sdr.Core.Security;

namespace Sdr.Core.Data;

public sealed class PostgresSdrDbContext(DbContextOptions<PostgresSdrDbContext> options, FernetKeyRing keyRing)
    : SdrDbContext(options, keyRing);
