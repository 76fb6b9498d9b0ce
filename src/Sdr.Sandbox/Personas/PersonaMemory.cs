namespace Sdr.Sandbox.Personas;

/// <summary>What a persona contact remembers of its conversation; every access holds the instance's lock.</summary>
internal sealed class PersonaMemory
{
    public Lock Sync { get; } = new();

    /// <summary>How far the script has got (0: not answered yet).</summary>
    public int Stage { get; set; }

    public bool PickedSlot { get; set; }

    public bool SaidThanks { get; set; }

    public DateOnly Day { get; set; }

    public int AnswersToday { get; set; }

    public DateTimeOffset? LastAnswerAt { get; set; }
}
