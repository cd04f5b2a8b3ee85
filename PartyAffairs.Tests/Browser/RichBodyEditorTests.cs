using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PartyAffairs.App.Components;
using PartyAffairs.App.Data;
using PartyAffairs.App.Domain;
using PartyAffairs.App.Features.Publishing.Bodies;
using PartyAffairs.Tests.Support;

namespace PartyAffairs.Tests.Browser;

/// <summary>
/// The draft page's rich-text editor (Tiptap) as a secretary uses it: pasting from Word, typing Chinese through an input
/// method, a full-length body, and the live 字数. What is asserted is what the server stored and, for the Word paste, what the
/// anonymous board shows once the item is submitted and approved.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class RichBodyEditorTests(AppServer server)
{
    private static readonly TimeSpan SaveDeadline = TimeSpan.FromSeconds(30);

    // What Word 2016 puts on the clipboard, trimmed: mso- styles, fonts and colours, <o:p>, a comment, a list as paragraphs,
    // and a 3×4 table whose first row has a cell spanning two columns.
    private const string WordClipboard = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
        <head><style><!-- p.MsoNormal {mso-style-parent:""; font-family:宋体;} --></style></head>
        <body lang=ZH-CN style='tab-interval:21.0pt'>
        <!--StartFragment-->
        <h2 style='mso-outline-level:2'><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>一、支部党员大会<o:p></o:p></span></h2>
        <p class=MsoNormal style='mso-line-height-alt:14pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312;color:#C00000'>本季度召开支部党员大会<b>两次</b>。<o:p></o:p></span></p>
        <!-- Word comment: 请核对人数 -->
        <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:仿宋'>学习党的二十届四中全会精神<o:p></o:p></span></p>
        <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:仿宋'>讨论发展对象<o:p></o:p></span></p>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
         <tr><td colspan=2 valign=top style='border:solid windowtext 1.0pt;mso-shading:white'><p class=MsoNormal><b>党费收缴</b><o:p></o:p></p></td><td style='background:yellow'><p class=MsoNormal>金额<o:p></o:p></p></td></tr>
         <tr><td><p class=MsoNormal>张三</p></td><td><p class=MsoNormal>十月</p></td><td><p class=MsoNormal>100</p></td></tr>
         <tr><td><p class=MsoNormal>李四</p></td><td><p class=MsoNormal>十月</p></td><td><p class=MsoNormal>120</p></td></tr>
         <tr><td><p class=MsoNormal>王五</p></td><td><p class=MsoNormal>十月</p></td><td><p class=MsoNormal>90</p></td></tr>
        </table>
        <!--EndFragment-->
        </body></html>
        """;

    [SkippableFact]
    public async Task A_Word_clipboard_keeps_headings_lists_and_a_merged_table_cell_and_drops_fonts_colours_and_mso_styles_through_approval_to_the_anonymous_board()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        var id = await StartDraftAsync(page);

        await Content(page).ClickAsync();
        await page.EvaluateAsync("""
            html => {
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', '一、支部党员大会');
                document.querySelector('[data-testid=body-editor] .ProseMirror')
                    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, WordClipboard);

        var stored = await StoredBodyAsync(id, body => body.Contains("<table", StringComparison.Ordinal));
        stored.ShouldContain("<h2");
        stored.ShouldContain("一、支部党员大会");
        stored.ShouldMatch("<strong>两次</strong>");
        ListItems().Matches(stored).Count.ShouldBe(1, stored);
        stored.ShouldContain("学习党的二十届四中全会精神");
        stored.ShouldContain("讨论发展对象");
        stored.ShouldNotContain("1.");
        MergedCell().IsMatch(stored).ShouldBeTrue(stored);
        Regex.Matches(stored, "<tr").Count.ShouldBe(4, stored);
        stored.ShouldNotContain("mso-", Case.Insensitive);
        stored.ShouldNotContain("font", Case.Insensitive);
        stored.ShouldNotContain("color", Case.Insensitive);
        stored.ShouldNotContain("background", Case.Insensitive);
        stored.ShouldNotContain("o:p", Case.Insensitive);
        stored.ShouldNotContain("请核对人数");

        // The editor shows the table with its borders and the merged cell as the board will.
        await Assertions.Expect(Content(page).Locator("td[colspan='2']")).ToHaveTextAsync("党费收缴");
        await Assertions.Expect(Content(page).Locator("ol > li")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("editor-word-paste-zh.png"), FullPage = true });

        // What submission needs beyond the body: a title, the 公开栏 channel and the public audience, so that the anonymous
        // board shows it; the display period runs from the draft's creation for a week, so now is inside it.
        var title = $"支部党员大会情况 {Guid.NewGuid():N}"[..16];
        await page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("公开栏", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "公开范围" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "社会" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=checks]")).ToContainTextAsync("检查通过", new() { Timeout = 20_000 });
        await page.Locator("[data-testid=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/disclosures/\\d+$"));
        await Assertions.Expect(page.GetByText("已提交").First).ToBeVisibleAsync();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var submitted = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == id);
            submitted.State.ShouldBe(DisclosureState.Submitted);
            submitted.Title.ShouldBe(title);
            submitted.Audience.ShouldBe(Audience.Public);
            submitted.Channels.HasFlag(Channel.Board).ShouldBeTrue(submitted.Channels.ToString());
            var now = DateTime.UtcNow;
            (submitted.DisplayFromUtc <= now && now < submitted.DisplayUntilUtc).ShouldBeTrue($"{submitted.DisplayFromUtc:O} – {submitted.DisplayUntilUtc:O}");
        }

        // Out of the catalogue, so the Office reviews it: the confidentiality check ticked, then 批准 publishes it at once.
        var office = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(office, server.BaseAddress, "office");
        await office.GotoAsync(new Uri(server.BaseAddress, $"/disclosures/{id}").ToString());
        await office.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(office.Locator("[data-testid=review-routing]")).ToContainTextAsync("须由领导小组办公室审批");
        await office.GetByLabel("我已进行保密审查，确认公开内容不涉及党和国家秘密").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByText("已公开").First).ToBeVisibleAsync();

        // A visitor with no cookies, no session: what the public board shows is what the server stored.
        await using var visitor = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });
        (await visitor.CookiesAsync()).ShouldBeEmpty();
        var board = await visitor.NewPageAsync();
        var response = await board.GotoAsync(new Uri(server.BaseAddress, $"/board/{id}").ToString());
        response!.Status.ShouldBe(200);
        await Assertions.Expect(board.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(board.Locator("[data-testid=on-display]")).ToBeVisibleAsync();
        var content = board.Locator("[data-testid=board-item-page] .board-content");
        await Assertions.Expect(content.Locator("h2")).ToHaveTextAsync("一、支部党员大会");
        await Assertions.Expect(content.Locator("strong").Filter(new() { HasText = "两次" })).ToHaveCountAsync(1);
        await Assertions.Expect(content.Locator("ol > li")).ToHaveTextAsync(["学习党的二十届四中全会精神", "讨论发展对象"]);
        await Assertions.Expect(content.Locator("table tr")).ToHaveCountAsync(4);
        await Assertions.Expect(content.Locator("table tr").First.Locator("td, th")).ToHaveCountAsync(2);
        await Assertions.Expect(content.Locator("td[colspan='2'], th[colspan='2']")).ToHaveTextAsync("党费收缴");
        await Assertions.Expect(content.Locator("table tr").Nth(3)).ToContainTextAsync("王五");
        var shown = await content.InnerHTMLAsync();
        shown.ShouldContain("colspan=\"2\"");
        shown.ShouldNotContain("mso-", Case.Insensitive);
        shown.ShouldNotContain("font-family", Case.Insensitive);
        shown.ShouldNotContain("font:", Case.Insensitive);
        shown.ShouldNotContain("color:", Case.Insensitive);
        shown.ShouldNotContain("background", Case.Insensitive);
        shown.ShouldNotContain("class=", Case.Insensitive);
        shown.ShouldNotContain("Mso", Case.Insensitive);
        shown.ShouldNotContain("<o:p", Case.Insensitive);
        shown.ShouldNotContain("请核对人数");
        // And what a reader would see: none of Word's red or yellow survives in the rendered colours.
        var colours = await content.EvaluateAsync<string[]>("""
            root => [...root.querySelectorAll('*')].flatMap(e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor])
            """);
        colours.ShouldNotContain("rgb(192, 0, 0)");
        colours.ShouldNotContain("rgb(255, 255, 0)");
        await board.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("board-word-paste-zh.png"), FullPage = true });
    }

    // A 1×1 PNG: the attachment check reads the type from the bytes.
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    [SkippableFact]
    public async Task Pasted_and_dropped_images_become_attachments_shown_inline_and_Word_file_images_are_left_out_with_one_notice()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        var id = await StartDraftAsync(page);

        // A web page's HTML with a data: image, and Word's file:/// images the browser may not read.
        await Content(page).ClickAsync();
        await page.EvaluateAsync("""
            png => {
                const data = new DataTransfer();
                data.setData('text/html', `<p>会议照片：<img src="data:image/png;base64,${png}"></p>`
                    + `<p>现场<img src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png">图</p>`
                    + `<!--[if gte vml 1]><v:imagedata src="file:///C:/clip_image001.png"/><![endif]-->`);
                document.querySelector('[data-testid=body-editor] .ProseMirror')
                    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, Png);
        await Assertions.Expect(page.Locator("[data-testid=editor-notice]")).ToContainTextAsync("从 Word 复制的图片无法直接读取");
        var stored = await StoredBodyAsync(id, body => AttachmentImage().IsMatch(body));
        stored.ShouldNotContain("data:");
        stored.ShouldNotContain("file:");
        AttachmentImage().Matches(stored).Count.ShouldBe(1, stored);

        // A screenshot file pasted on its own: it becomes the second attachment.
        await page.EvaluateAsync("""
            png => {
                const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
                document.querySelector('[data-testid=body-editor] .ProseMirror')
                    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, Png);
        stored = await StoredBodyAsync(id, body => AttachmentImage().Matches(body).Count == 2);
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var attachments = await db.Attachments.Where(a => a.DisclosureId == id).Select(a => a.Id).ToListAsync();
            attachments.Count.ShouldBe(2);
            foreach (Match image in AttachmentImage().Matches(stored))
            {
                attachments.ShouldContain(int.Parse(image.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
        // Shown inline from the attachment's own address, and listed with the draft's attachments.
        await Assertions.Expect(Content(page).Locator("img[src^='/attachments/']")).ToHaveCountAsync(2);
        var served = await page.EvaluateAsync<string[]>("""
            () => Promise.all([...document.querySelectorAll('[data-testid=body-editor] img[src^="/attachments/"]')].map(async i => {
                const response = await fetch(i.getAttribute('src'));
                return `${response.status} ${response.headers.get('content-type')} ${i.naturalWidth}`;
            }))
            """);
        served.ShouldAllBe(s => s.StartsWith("200 image/png", StringComparison.Ordinal), string.Join("; ", served));
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("editor-pasted-images.png"), FullPage = true });
        await Assertions.Expect(page.Locator(".attachment-panel tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=save-state]")).Not.ToContainTextAsync("保存失败");
        await Assertions.Expect(page.Locator("[data-testid=conflict]")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Chinese_typed_through_an_input_method_is_stored_once_per_character_and_counted()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        var id = await StartDraftAsync(page);

        await Content(page).ClickAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        // Pinyin as an input method shows it: the marked text grows, then the chosen characters are committed.
        foreach (var (composing, committed) in new[] { ("d", ""), ("dang", "党"), ("w", ""), ("wu", "务"), ("g", ""), ("gong", ""), ("gongkai", "公开") })
        {
            await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = composing, ["selectionStart"] = composing.Length, ["selectionEnd"] = composing.Length });
            if (committed.Length > 0) await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = committed });
        }
        await page.Keyboard.TypeAsync("，共 3 项。");

        var stored = await StoredBodyAsync(id, body => body.Contains("项。", StringComparison.Ordinal));
        var text = BodyHtml.ToPlainText(stored);
        text.Replace('\u00A0', ' ').ShouldBe("党务公开，共 3 项。");
        // 党务公开，(5) 共 (1) 3 (1) 项。(2)
        await Assertions.Expect(page.Locator("[data-testid=word-count]")).ToHaveTextAsync(new Regex("字数：\\s*9$"));
        BodyHtml.WordCount(stored).ShouldBe(9);
    }

    [SkippableFact]
    public async Task A_full_length_body_autosaves_whole_without_dropping_the_connection()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        var id = await StartDraftAsync(page);
        var mark = server.Logs.Mark;

        // 1,000 justified paragraphs of 100 characters, partly bold: 100,000 characters, ~350 KB of HTML as UTF-8 (a circuit message may be 320 KB).
        await Content(page).ClickAsync();
        await page.EvaluateAsync("""
            () => {
                const line = '党务公开目录第四类组织建设情况按季度在公开栏公示，接受党员和群众监督。'.repeat(3).slice(0, 99);
                const html = Array.from({ length: 1000 }, (_, i) =>
                    `<p style="text-align: justify">${String(i % 10)}<strong>${line.slice(0, 20)}</strong>${line.slice(20)}</p>`).join('');
                const editor = document.querySelector('[data-testid=body-editor]').bodyEditor.editor;
                editor.commands.setContent(html, { emitUpdate: true });
            }
            """);

        var stored = await StoredBodyAsync(id, body => BodyHtml.TextLength(body) >= 100_000);
        BodyHtml.TextLength(stored).ShouldBe(100_000);
        (System.Text.Encoding.UTF8.GetByteCount(stored) > 320 * 1024).ShouldBeTrue("the body is larger than one circuit message");
        await Assertions.Expect(page.Locator("[data-testid=word-count]")).ToHaveTextAsync(new Regex("字数：\\s*[0-9]{5,}$"));

        // The circuit is still there: a further edit (the last character replaced, the length kept) is stored as well.
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("完");
        stored = await StoredBodyAsync(id, body => body.Contains("完", StringComparison.Ordinal));
        BodyHtml.TextLength(stored).ShouldBe(100_000);
        await Assertions.Expect(page.Locator(".components-reconnect-show")).ToHaveCountAsync(0);
        server.Logs.Since(mark, Microsoft.Extensions.Logging.LogLevel.Error).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task The_live_word_count_follows_the_same_rule_as_the_server_and_the_toolbar_reads_in_both_languages()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        await StartDraftAsync(page);

        string[] samples =
        [
            "<p>党务公开</p>",
            "<p>2026 年第 4 季度 party dues: 1,200.50 元（已收齐）。</p>",
            "<h2>一、概况</h2><ul><li><p>three  words here</p></li><li><p>全角ＡＢＣ和half-width</p></li></ul>",
            "<table><tbody><tr><td><p>姓名</p></td><td><p>Zhang San</p></td></tr><tr><td colspan=\"2\"><p>合计 𠀀 2</p></td></tr></tbody></table>",
            "<p>email@example.org&nbsp;and&nbsp;https://example.org/a?b=c</p><p></p><p>「引号」『书名』—— 破折号…</p>",
        ];
        foreach (var sample in samples)
        {
            var inBrowser = await page.EvaluateAsync<int>("""
                html => {
                    const handle = document.querySelector('[data-testid=body-editor]').bodyEditor;
                    handle.editor.commands.setContent(html);
                    return handle.wordCount();
                }
                """, sample);
            inBrowser.ShouldBe(BodyHtml.WordCount(sample), sample);
        }

        // The toolbar in Chinese, with a table and a list on screen; then the same page in English.
        // Set as if typed, so it is saved and the checks see it before the screenshot and the change of language.
        await page.EvaluateAsync("html => document.querySelector('[data-testid=body-editor]').bodyEditor.editor.commands.setContent(html, { emitUpdate: true })", SampleBody);
        await Assertions.Expect(page.Locator("[data-testid=checks]")).Not.ToContainTextAsync("请填写公开内容", new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).every(k => !k.startsWith('partyaffairs.draft.'))", null, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("editor-zh.png"), FullPage = true });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "加粗" })).ToBeVisibleAsync();

        var path = new Uri(page.Url).PathAndQuery;
        await page.GotoAsync(new Uri(server.BaseAddress, AppRoutes.SetCulture("en", path)).ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bold" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=body-editor]')?.bodyEditor");
        await Assertions.Expect(Content(page).Locator("table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=word-count]")).ToContainTextAsync("Words: ");
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("editor-en.png"), FullPage = true });
        await page.GotoAsync(new Uri(server.BaseAddress, AppRoutes.SetCulture("zh-CN", path)).ToString());
    }

    private const string SampleBody = """
        <h2>一、基本情况</h2>
        <p>本季度支部共召开党员大会<strong>两次</strong>、支委会<em>三次</em>，<u>党课一次</u>。</p>
        <ol><li><p>学习党的二十届四中全会精神</p></li><li><p>讨论确定发展对象</p></li></ol>
        <p style="padding-left: 2em">缩进两字的段落。</p>
        <table><tbody><tr><th colspan="2"><p>党费收缴</p></th><th><p>金额（元）</p></th></tr>
        <tr><td><p>张三</p></td><td><p>十月</p></td><td><p>100</p></td></tr></tbody></table>
        <p style="text-align: right">机关第一党支部</p>
        """;

    private static ILocator Content(IPage page) => page.Locator("[data-testid=body-editor] .ProseMirror");

    [SkippableFact]
    public async Task Word_import_on_the_draft_page_adds_the_documents_headings_table_and_image_after_what_is_written()
    {
        Support.Browser.SkipIfUnavailable();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await Support.Browser.NewPageAsync(browser);
        await Support.Browser.SignInAsync(page, server.BaseAddress, "drafter");
        var id = await StartDraftAsync(page);
        await Content(page).ClickAsync();
        await page.Keyboard.TypeAsync("导入前已写的一段");
        await StoredBodyAsync(id, body => body.Contains("导入前已写的一段", StringComparison.Ordinal));

        // A .docx built in the test (heading levels, list, a table with merged cells, an embedded PNG), chosen as a secretary would.
        var docx = Features.Publishing.Bodies.DocxBodyImporterTests.BuildDocx(images: 1);
        await page.Locator(".docx-import input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "公示.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = docx,
        });
        await Assertions.Expect(page.GetByTestId("docx-import-message")).ToContainTextAsync("已将「公示.docx」的内容加在正文末尾");
        await Assertions.Expect(Content(page).Locator("h2").First).ToHaveTextAsync("党费收缴情况公示");
        await Assertions.Expect(Content(page).Locator("td[colspan='2']")).ToHaveTextAsync("项目");

        var stored = await StoredBodyAsync(id, body => body.Contains("<table>", StringComparison.Ordinal));
        stored.ShouldStartWith("<p>导入前已写的一段</p>");
        stored.ShouldContain("<h2>党费收缴情况公示</h2>");
        stored.ShouldContain("<h3>（一）明细</h3>");
        stored.ShouldContain("rowspan=\"2\"");
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var image = await db.Attachments.Where(a => a.DisclosureId == id).SingleAsync();
        image.ContentType.ShouldBe("image/png");
        stored.ShouldContain($"<img src=\"/attachments/{image.Id}\">");
        await Assertions.Expect(Content(page).Locator($"img[src='/attachments/{image.Id}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Support.Browser.ArtifactPath("editor-docx-import-zh.png"), FullPage = true });
    }

    private async Task<string> StoredBodyAsync(int id, Func<string, bool> accept) =>
        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            return await db.Disclosures.Where(d => d.Id == id).Select(d => d.Body).SingleAsync();
        }, accept, SaveDeadline, "the draft's body was not stored", body => body.Length > 300 ? body[..300] + "…" : body);

    private static async Task<int> StartDraftAsync(IPage page)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/disclosures/new").ToString());
        await page.Locator("[data-circuit=live]").WaitForAsync();
        var outOfCatalogue = page.Locator("[data-testid=out-of-catalogue]");
        await outOfCatalogue.WaitForAsync();
        await outOfCatalogue.GetByRole(AriaRole.Combobox, new() { Name = "类别" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "其它事项" }).ClickAsync();
        // As a person would, go on once the field shows the chosen category (the circuit has it), then give the reason.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=out-of-catalogue] input')].some(i => i.value === '其它事项')");
        await outOfCatalogue.GetByLabel("纳入公开的理由").FillAsync("上级党委临时要求公开");
        await Assertions.Expect(outOfCatalogue.Locator("[data-testid=start-out]")).ToBeEnabledAsync();
        await outOfCatalogue.Locator("[data-testid=start-out]").ClickAsync();
        await page.WaitForURLAsync("**/disclosures/*/edit");
        await page.Locator("[data-testid=checks]").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=body-editor]')?.bodyEditor");
        return int.Parse(new Uri(page.Url).Segments[^2].TrimEnd('/'), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<ol[^>]*>\\s*<li[^>]*>.*?学习党的二十届四中全会精神.*?</li>\\s*<li[^>]*>.*?讨论发展对象.*?</li>\\s*</ol>", RegexOptions.Singleline)]
    private static partial Regex ListItems();

    [GeneratedRegex("<img[^>]*src=\"/attachments/(\\d+)\"")]
    private static partial Regex AttachmentImage();

    [GeneratedRegex("<td[^>]*colspan=\"2\"[^>]*>.*?党费收缴", RegexOptions.Singleline)]
    private static partial Regex MergedCell();
}
