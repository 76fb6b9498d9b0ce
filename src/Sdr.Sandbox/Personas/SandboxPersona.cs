namespace Sdr.Sandbox;

/// <summary>A scripted prospect: how a sandbox contact answers the messages we send it.</summary>
public enum SandboxPersona
{
    ReadyBuyer,
    SellerWithAgent,
    Timing,
    Price,
    InfoRequest,
    WrongNumber,
    Hostile,
    Silent,
    AutoResponder,
}

public static class SandboxPersonas
{
    public static IReadOnlyList<SandboxPersona> All { get; } = Enum.GetValues<SandboxPersona>();

    /// <summary>A short human name, as the start-up banner prints it.</summary>
    public static string Label(this SandboxPersona persona) => persona switch
    {
        SandboxPersona.ReadyBuyer => "ready buyer",
        SandboxPersona.SellerWithAgent => "seller with an agent",
        SandboxPersona.Timing => "timing",
        SandboxPersona.Price => "price",
        SandboxPersona.InfoRequest => "info request",
        SandboxPersona.WrongNumber => "wrong number",
        SandboxPersona.Hostile => "hostile",
        SandboxPersona.Silent => "silent",
        SandboxPersona.AutoResponder => "auto-responder",
        _ => persona.ToString(),
    };

    /// <summary>The snake_case name the <c>/sandbox/personas</c> endpoint returns.</summary>
    public static string Key(this SandboxPersona persona) => persona.Label().Replace(' ', '_').Replace('-', '_');
}
