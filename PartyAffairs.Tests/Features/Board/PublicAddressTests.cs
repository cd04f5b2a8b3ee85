using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using PartyAffairs.App.Features.Board;

namespace PartyAffairs.Tests.Features.Board;

public sealed class PublicAddressTests
{
    private sealed class RequestAddress : NavigationManager
    {
        public RequestAddress() => Initialize("http://forged.example/", "http://forged.example/board/print");
    }

    private static PublicAddress With(string configured) => new(Options.Create(new BoardOptions { PublicBaseUrl = configured }), new RequestAddress());

    [Theory]
    [InlineData("https://dangwu.example.gov.cn", "/board/7", "https://dangwu.example.gov.cn/board/7")]
    [InlineData("https://dangwu.example.gov.cn/", "/board/7", "https://dangwu.example.gov.cn/board/7")]
    [InlineData("https://example.gov.cn/dangwu/", "/board/7/feedback", "https://example.gov.cn/dangwu/board/7/feedback")]
    [InlineData("https://example.gov.cn/dangwu", "board/7", "https://example.gov.cn/dangwu/board/7")]
    [InlineData("", "/board/7", "http://forged.example/board/7")]
    public void Absolute_addresses_start_from_the_configured_base(string configured, string path, string expected) =>
        With(configured).Of(path).ShouldBe(expected);

    [Theory]
    [InlineData("", true)]
    [InlineData("https://dangwu.example.gov.cn/", true)]
    [InlineData("http://10.0.0.5:8080/", true)]
    [InlineData("dangwu.example.gov.cn", false)]
    [InlineData("/board", false)]
    [InlineData("ftp://dangwu.example.gov.cn/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://dangwu.example.gov.cn/?x=1", false)]
    public void Only_an_absolute_http_address_is_accepted_at_start_up(string configured, bool valid) =>
        PublicAddress.IsValid(new BoardOptions { PublicBaseUrl = configured }).ShouldBe(valid);
}
