using PartyAffairs.App.Features.Publishing.Attachments;

namespace PartyAffairs.Tests.Features.Publishing.Attachments;

public sealed class AttachmentUrlsTests
{
    /// <summary>The disclosure owns attachments 5 and 12; 6 is another disclosure's.</summary>
    public static TheoryData<string, bool> Images => new()
    {
        { "/attachments/5", true },
        { "/attachments/12", true },
        { "/attachments/6", false },
        { "/attachments/05", false },
        { "/attachments/5/", false },
        { "/attachments/5?download=1", false },
        { "/attachments/5#x", false },
        { "/attachments/+5", false },
        { "/attachments/-5", false },
        { "/attachments/", false },
        { "/Attachments/5", false },
        { "attachments/5", false },
        { "//evil.example/attachments/5", false },
        { "https://evil.example/attachments/5", false },
        { "/attachments/5/../6", false },
        { "/attachments/99999999999", false },
        { "data:image/png;base64,iVBORw0KGgo=", false },
        { "javascript:alert(1)", false },
        { "file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Only_the_items_own_attachment_addresses_are_its_images(string url, bool own)
    {
        AttachmentUrls.OwnedBy([5, 12])(url).ShouldBe(own);
    }

    [Fact]
    public void The_address_written_is_the_address_read()
    {
        AttachmentUrls.Of(42).ShouldBe("/attachments/42");
        AttachmentUrls.IdOf(AttachmentUrls.Of(42)).ShouldBe(42);
        AttachmentUrls.IdOf(null).ShouldBeNull();
    }
}
