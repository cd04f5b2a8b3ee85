namespace PartyAffairs.App.Domain;

/// <summary>
/// The verb of a recorded change: what an audit entry says was done and what a committed change event tells the
/// listeners. Stored as its name (<c>AuditEntries.Action</c> is text), so a value once written is never renamed or
/// removed: existing rows must keep reading back.
/// </summary>
public enum WorkflowAction
{
    Create,
    Submit,
    Reject,
    Approve,
    PutInForce,
    Discard,
    Amend,
    ReplanStanding,
    Redate,
    RemoveChange,
    Revise,
    OverrideSensitiveWords,
    Publish,
    Supersede,
    Close,
    Withdraw,
    ReopenOccurrence,
    Receive,
    Assign,
    Answer,
    Report,
    Acknowledge,
    MarkAbusive,
    StartRedisclosure,
    Add,
    Complete,
    Archive,
    OpenPhase,
    RecordEvent,

    /// <summary>Written by the first releases when a leader acknowledged feedback (now <see cref="Acknowledge"/>); old rows still hold it.</summary>
    DiscloseResult,

    /// <summary>An autosave changed which sensitive words wait for a reviewer: announced to live pages, never audited.</summary>
    SensitiveWordsChanged,

    /// <summary>The Office set or cleared a catalogue line's body template (正文模板), recorded on the catalogue.</summary>
    ChangeBodyTemplate,

    /// <summary>The handler wrote a reply to the sender of feedback, shown only where she follows it with her 查询码.</summary>
    ReplyToSender,

    /// <summary>A secretary, drafter or the Office recorded that a printed board was put up (公开栏张贴).</summary>
    RecordBoardPosting,

    /// <summary>The Office extended an application's deadline (依申请公开), once, with a reason.</summary>
    ExtendDeadline,

    /// <summary>The Admin or the Office corrected a seat of the leading group or its office (holder, post, account, start).</summary>
    ChangeSeat,

    /// <summary>The Admin or the Office ended a seat of the leading group or its office: the seat is kept as history.</summary>
    EndSeat,

    /// <summary>The Admin moved a member to another organization (调动); what she authored stays hers, what she reads follows her.</summary>
    Transfer,
}
