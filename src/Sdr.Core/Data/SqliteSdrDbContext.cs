using Microsoft.EntityFrameworkCore;
using Sdr.Core.Security;

namespace Sdr.Core.Data;

public sealed class SqliteSdrDbContext(DbContextOptions<SqliteSdrDbContext> options, FernetKeyRing keyRing)
    : SdrDbContext(options, keyRing);
