using Sdr.Core.Experiments;

namespace Sdr.Tests.Unit.Experiments;

public sealed class VariantAssignmentTests
{
    private static readonly WeightedVariant[] FiftyThirtyTwenty = [new("a", 50), new("b", 30), new("c", 20)];

    [Fact]
    public void Bucket_IsTheDocumentedHash()
    {
        // First 8 bytes of SHA-256("1:contact-42") big-endian, modulo 10,000 (computed with Python's hashlib).
        VariantAssignment.Bucket("1:contact-42").ShouldBe(4027);
        VariantAssignment.Bucket("7:abc").ShouldBe(8615);
    }

    [Fact]
    public void Pick_SameContactAndTest_AlwaysTheSameVariant()
    {
        var first = Enumerable.Range(0, 200).Select(i => VariantAssignment.Pick(3, $"contact-{i}", FiftyThirtyTwenty)).ToList();
        var again = Enumerable.Range(0, 200).Select(i => VariantAssignment.Pick(3, $"contact-{i}", FiftyThirtyTwenty)).ToList();

        again.ShouldBe(first);
        first.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Pick_TenThousandContacts_FollowTheWeightsWithinOnePointFive()
    {
        var counts = Enumerable.Range(0, 10_000)
            .Select(i => VariantAssignment.Pick(11, $"c{i:D6}", FiftyThirtyTwenty)!)
            .GroupBy(v => v)
            .ToDictionary(g => g.Key, g => g.Count());

        counts["a"].ShouldBeInRange(4850, 5150);
        counts["b"].ShouldBeInRange(2850, 3150);
        counts["c"].ShouldBeInRange(1850, 2150);
    }

    [Fact]
    public void Pick_AnotherTest_ShufflesContactsIndependently()
    {
        var even = new WeightedVariant[] { new("a", 50), new("b", 50) };
        var agree = Enumerable.Range(0, 2000).Count(i => VariantAssignment.Pick(1, $"c{i}", even) == VariantAssignment.Pick(2, $"c{i}", even));

        agree.ShouldBeInRange(900, 1100);
    }

    [Fact]
    public void Pick_AStoppedVariant_MovesOnlyItsOwnContacts_ToTheActiveOnes()
    {
        var ids = Enumerable.Range(0, 3000).Select(i => $"c{i}").ToList();
        var before = ids.ToDictionary(id => id, id => VariantAssignment.Pick(5, id, FiftyThirtyTwenty));
        WeightedVariant[] withoutB = [new("a", 50), new("b", 30, IsActive: false), new("c", 20)];

        var after = ids.ToDictionary(id => id, id => VariantAssignment.Pick(5, id, withoutB));

        after.Values.ShouldNotContain("b");
        ids.Where(id => before[id] != "b").ShouldAllBe(id => after[id] == before[id]);
        var moved = ids.Where(id => before[id] == "b").Select(id => after[id]).ToList();
        moved.Count(v => v == "a").ShouldBeGreaterThan(moved.Count(v => v == "c"));
    }

    [Fact]
    public void Pick_NoActiveVariant_IsNull()
    {
        VariantAssignment.Pick(1, "c1", [new("a", 50, false), new("b", 50, false)]).ShouldBeNull();
    }
}
