using System.Text;

namespace PartyAffairs.Tests.Features.Admin;

/// <summary>Member files made in the test: CSV lines under the import's Chinese header.</summary>
internal static class MemberFiles
{
    public const string Header = "姓名,用户名,组织,角色,手机,党员类别";

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n");

    /// <summary><paramref name="count"/> members of the organization with generated user names, all different people.</summary>
    public static byte[] Generated(int count, string organization) =>
        Csv([.. Enumerable.Range(1, count).Select(i => $"成员{i:D4},,{organization},党员,1380000{i:D4},正式")]);
}
