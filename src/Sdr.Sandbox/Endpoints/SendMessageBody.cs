namespace Sdr.Sandbox.Endpoints;

internal sealed class SendMessageBody
{
    public string? Type { get; set; }

    public string? ContactId { get; set; }

    public string? Message { get; set; }

    public string? Subject { get; set; }

    public string? Html { get; set; }

    public string? EmailTo { get; set; }

    public string? ToNumber { get; set; }
}
