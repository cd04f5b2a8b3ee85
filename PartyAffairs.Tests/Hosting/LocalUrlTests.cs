using PartyAffairs.App.Hosting.Security;

namespace PartyAffairs.Tests.Hosting;

public sealed class LocalUrlTests
{
    /// <summary>
    /// Values an attacker puts in returnUrl or redirectUri to leave the site: protocol-relative, backslashes browsers
    /// read as slashes, schemes, characters browsers drop (tab, line breaks), the same percent-encoded once and twice,
    /// invisible format characters. Every redirect test feeds all of them.
    /// </summary>
    public static readonly string[] OffSite =
    [
        "//evil.example", "///evil.example", "//evil.example/board", "/\\evil.com", "/\\/evil.com", "\\\\evil.com", "\\/evil.com",
        "/\\\\evil.example", "http://evil.example", "https://evil.example/", "HTTP://evil.example", "https:evil.example",
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example",
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/%09/evil.example", "/%0a/evil.example",
        "/%0d%0a/evil.example", "/%2509/evil.example", "/%2f/evil.example", "/%5cevil.com", "/%5C%5Cevil.example",
        "%2F%2Fevil.example", "\t//evil.example", " //evil.example", "/ /evil.example", "/\u3000/evil.example",
        "/\u200B/evil.example", "/\u2028/evil.example", "/\u0000/evil.example", "~//evil.example", "~/\\evil.example", "",
    ];

    public static readonly string[] Local = ["/", "/board", "/disclosures?state=Draft", "/board?q=%E5%85%9A%E8%B4%B9", "/schedule#today"];

    public static TheoryData<string> OffSiteCases() => new(OffSite);

    public static TheoryData<string> LocalCases() => new(Local);

    [Fact]
    public void The_list_holds_at_least_thirty_ways_off_site() => OffSite.Distinct().Count().ShouldBeGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(OffSiteCases))]
    public void An_address_off_site_is_refused_and_goes_home(string url)
    {
        LocalUrl.IsLocal(url).ShouldBeFalse();
        LocalUrl.OrHome(url).ShouldBe("/");
    }

    [Theory]
    [MemberData(nameof(LocalCases))]
    public void A_page_of_this_app_is_kept(string url) => LocalUrl.OrHome(url).ShouldBe(url);

    [Fact]
    public void An_app_relative_path_loses_its_tilde() => LocalUrl.OrHome("~/board").ShouldBe("/board");

    [Fact]
    public void Characters_beyond_ASCII_are_percent_encoded_for_the_Location_header() =>
        LocalUrl.OrHome("/board?q=党费").ShouldBe("/board?q=%E5%85%9A%E8%B4%B9");

    [Fact]
    public void No_value_goes_home() => LocalUrl.OrHome(null).ShouldBe("/");
}
