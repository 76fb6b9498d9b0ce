using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sdr.Core.Data;

internal sealed class KeyRingModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is SdrDbContext sdr ? (context.GetType(), sdr.KeyRing, designTime) : (context.GetType(), designTime);
}
