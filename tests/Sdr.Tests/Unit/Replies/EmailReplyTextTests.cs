using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public sealed class EmailReplyTextTests
{
    [Fact]
    public void Clean_Html_StripsTagsScriptAndStyle_AndDecodesEntities() =>
        EmailReplyText.Clean("<html><head><title>t</title><style>p{color:red}</style></head><body><script>var a = 1;</script>"
                + "<p>Tom &amp; I are&nbsp;interested &lt;3</p></body></html>")
            .ShouldBe("Tom & I are interested <3");

    [Theory]
    [InlineData("Sounds good.\n\nOn Mon, Dec 1, 2026 at 9:00 AM Alex <a@b.example> wrote:\n> Still thinking of selling?")]
    [InlineData("Sounds good.\nOn Mon, Dec 1, 2026 at 9:00 AM Alex Rivera <alex@realty.example>\nwrote:\n> hi")]
    [InlineData("Sounds good.\n> quoted line\n>> older quoted line")]
    [InlineData("Sounds good.\n\n-----Original Message-----\nFrom: Alex\nSent: Monday\nStop texting me")]
    [InlineData("Sounds good.\n\nFrom: Alex Rivera <alex@realty.example>\nSent: Monday, November 30, 2026 9:02 AM\nTo: Pat\nSubject: STOP")]
    [InlineData("Sounds good.\n\nSent from my iPhone\n\nOn Dec 2, 2026, at 7:30 PM, Alex wrote:")]
    [InlineData("Sounds good.\n-- \nPat Jones | Acme | 555-0100")]
    [InlineData("Sounds good.\n\nEl lun, 1 dic 2026 a las 9:00, Alex <a@b.example> escribió:\n> Hola")]
    public void Clean_QuotedHistoryAndSignatures_AreDropped(string body) =>
        EmailReplyText.Clean(body).ShouldBe("Sounds good.");

    [Fact]
    public void Clean_GmailHtmlReply_KeepsOnlyTheNewText() =>
        EmailReplyText.Clean("<div dir=\"ltr\">Take me off your list please.</div><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
                + "On Thu, Dec 3, 2026 at 2:11 PM Alex &lt;alex@realty.example&gt; wrote:<br></div>"
                + "<blockquote class=\"gmail_quote\">Hi <blockquote>nested</blockquote> Pat</blockquote></div>")
            .ShouldBe("Take me off your list please.");

    [Fact]
    public void Clean_OutlookHtmlReply_DropsTheHeaderBlock() =>
        EmailReplyText.Clean("<p>We are not interested.</p><p>________________________________<br>From: Alex<br>Sent: Tuesday<br>Subject: Elm</p>")
            .ShouldBe("We are not interested.");

    [Fact]
    public void Clean_FromLineWithoutAHeaderBlock_IsKept() =>
        EmailReplyText.Clean("From: the bottom of my heart, thanks!").ShouldBe("From: the bottom of my heart, thanks!");

    [Fact]
    public void Clean_PlainTextWithAngleBrackets_IsNotTreatedAsHtml() =>
        EmailReplyText.Clean("Budget is <400k and >3 beds").ShouldBe("Budget is <400k and >3 beds");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html><body></body></html>")]
    [InlineData("\0\0\u0001\u0002")]
    public void Clean_EmptyOrJunk_IsEmpty(string? body) => EmailReplyText.Clean(body).ShouldBe("");
}
