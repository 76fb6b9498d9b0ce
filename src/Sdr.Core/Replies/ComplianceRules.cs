namespace Sdr.Core.Replies;

/// <summary>Rule names reported in <see cref="ComplianceClassification.Rule"/>; constants so logs stay free of message text.</summary>
public static class ComplianceRules
{
    public const string Empty = "empty";
    public const string NoMatch = "no-match";

    public const string CarrierKeyword = "carrier-keyword";
    public const string CarrierKeywordSentence = "carrier-keyword-sentence";
    public const string CarrierKeywordWithName = "carrier-keyword-with-name";
    public const string StopEmoji = "stop-emoji";
    public const string HelpKeyword = "help-keyword";
    public const string OptInKeyword = "opt-in-keyword";

    public const string StopContacting = "stop-contacting";
    public const string KeepContactingComplaint = "keep-contacting-complaint";
    public const string RemoveMe = "remove-me";
    public const string UnsubscribeWord = "unsubscribe-word";
    public const string RevokeConsent = "revoke-consent";
    public const string DoNotContact = "do-not-contact";
    public const string DoNotCallList = "do-not-call-list";
    public const string LeaveMeAlone = "leave-me-alone";
    public const string LoseMyNumber = "lose-my-number";
    public const string WrongNumber = "wrong-number";
    public const string NotInterested = "not-interested";
    public const string Hostile = "hostile";
    public const string ReportSpamBlock = "report-spam-block";
    public const string CancelMessages = "cancel-messages";
    public const string NoMoreMessages = "no-more-messages";
    public const string NeverSignedUp = "never-signed-up";

    public const string EsStopWriting = "es-stop-writing";
    public const string EsDoNotWrite = "es-do-not-write";
    public const string EsRemoveMe = "es-remove-me";
    public const string EsUnsubscribe = "es-unsubscribe";
    public const string EsNoMoreMessages = "es-no-more-messages";
    public const string EsWrongNumber = "es-wrong-number";
    public const string EsNotInterested = "es-not-interested";
    public const string EsLeaveMeAlone = "es-leave-me-alone";
    public const string EsEnough = "es-enough";
    public const string EsCancelMessages = "es-cancel-messages";

    public const string SuppressedNegated = "suppressed-negated";
    public const string SuppressedDescription = "suppressed-description";
    public const string SuppressedTimeWindow = "suppressed-time-window";
    public const string SuppressedPrefersText = "suppressed-prefers-text";
    public const string SuppressedScopedRemoval = "suppressed-scoped-removal";
    public const string SuppressedQualifiedNotInterested = "suppressed-qualified-not-interested";
}
