namespace Sdr.Sandbox.Reso;

/// <summary>
/// Builds the RESO feed's listings and puts a few owners' numbers on the sandbox's DND list: the contact an
/// upsert makes for one of them has DND on, as an owner who once told the brokerage to stop texting would.
/// </summary>
internal static class SandboxResoSeeder
{
    public static SandboxResoFeed Seed(SandboxState state, SandboxOptions options)
    {
        var listings = SandboxResoListings.Build(options.Seed, options.TimeProvider.GetUtcNow(), options.ResoExpiredListings, options.ResoFsboListings);
        var phones = listings
            .Select(l => l["OwnerPhone"]?.GetValue<string>())
            .OfType<string>()
            .Where(p => p.Length > 10)
            .ToList();
        for (var i = 2; i < phones.Count; i += 8)
        {
            state.DndPhones[phones[i]] = "owner asked not to be texted";
        }

        return new SandboxResoFeed(listings, options.TimeProvider);
    }
}
