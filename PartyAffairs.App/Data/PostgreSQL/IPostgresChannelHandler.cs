namespace PartyAffairs.App.Data.PostgreSQL;

/// <summary>
/// Another channel for <see cref="PostgresChangeListener"/> to hear on the node's one listening connection, besides the
/// committed changes: a feature's own news between nodes (the bells). Registered as a singleton on PostgreSQL only.
/// </summary>
public interface IPostgresChannelHandler
{
    /// <summary>The channel's name, a plain identifier.</summary>
    string Channel { get; }

    /// <summary>A notification on the channel, from any node, this one included; called on the listener's thread.</summary>
    void Receive(string payload);

    /// <summary>The listener has started listening (again): whatever was sent meanwhile is lost, and an unreadable payload too.</summary>
    void MayHaveMissed();
}
