namespace PartyAffairs.Tests.Features.Publishing.Bodies;

/// <summary>
/// HTML as Word (and WPS, which imitates it) puts a Chinese 公示 on the clipboard: the namespaced html element, a head with
/// meta/style/xml, <c>StartFragment</c> comments, a red-header title paragraph with fonts and colours, h1/h2 headings with
/// mso styles, a <c>MsoHeading</c> paragraph, a numbered list as <c>MsoListParagraph</c> paragraphs with the numbers in
/// <c>mso-list:Ignore</c> spans inside downlevel-revealed conditional comments, a bulleted sub-item in Symbol font,
/// <c>&lt;o:p&gt;</c>, <c>&amp;nbsp;</c>-only paragraphs, a 3×4 table with a cell merged across two columns, and a VML image.
/// </summary>
internal static class WordClipboard
{
    public const string Sample = """
        <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
        <head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
        <meta name=Generator content="Microsoft Word 15"><link rel=File-List href="file:///C:/Users/dw/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
        <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>党委办公室</o:Author></o:DocumentProperties></xml><![endif]-->
        <style><!-- /* Font Definitions */ @font-face {font-family:宋体;} p.MsoNormal {mso-style-parent:""; font-size:10.5pt;} .MsoChpDefault {font-family:等线;} --></style>
        </head>
        <body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
        <!--StartFragment-->
        <p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:宋体;color:red'>机关第一党支部党费收缴情况公示<span lang=EN-US><o:p></o:p></span></span></b></p>
        <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
        <h1 style='margin-top:17.0pt;mso-pagination:widow-orphan lines-together;mso-outline-level:1'><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman";color:#C00000'>一、总体情况</span><span lang=EN-US><o:p></o:p></span></h1>
        <p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0;line-height:150%'><span style='font-family:仿宋_GB2312;mso-bidi-font-family:"Times New Roman"'>根据党章和党费收缴有关规定，现将本季度
        党费收缴情况公示如下：</span><span lang=EN-US style='font-family:"Times New Roman"'><o:p></o:p></span></p>
        <p class=MsoHeading2><span style='font-family:楷体'>（一）收缴要求</span></p>
        <p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><b><span style='font-family:仿宋_GB2312'>按月交纳</span></b><span style='font-family:仿宋_GB2312'>：党员应当每月交纳党费。</span><span lang=EN-US><o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpMiddle style='margin-left:39.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312;color:#333333'>特殊情况可以补交</span><span lang=EN-US><o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>足额交纳：按规定基数和比例计算。</span><span lang=EN-US><o:p></o:p></span></p>
        <h2><span style='font-family:楷体;mso-bidi-font-weight:normal'>（二）收缴明细</span></h2>
        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
         <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
          <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>项目</span></b></p></td>
          <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>人数</span></b></p></td>
          <td width=138 valign=top style='width:103.7pt;border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal align=center style='text-align:center'><b><span style='font-family:黑体'>金额（元）</span></b></p></td>
         </tr>
         <tr style='mso-yfti-irow:1'>
          <td style='border:solid windowtext 1.0pt;border-top:none'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>应交党费党员</span></p></td>
          <td style='border-top:none'><p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>23</span></p></td>
          <td style='border-top:none'><p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>4,386.50</span></p></td>
         </tr>
         <tr style='mso-yfti-irow:2'>
          <td style='border-top:none'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>已按时足额交纳</span></p></td>
          <td style='border-top:none'><p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>23</span></p></td>
          <td style='border-top:none'><p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>4,386.50</span></p></td>
         </tr>
         <tr style='mso-yfti-irow:3;mso-yfti-lastrow:yes'>
          <td colspan=2 style='border-top:none;background:#F2F2F2;mso-shading:white'><p class=MsoNormal align=center style='text-align:center'><span style='font-family:仿宋_GB2312;color:blue'>上交机关党委</span></p></td>
          <td style='border-top:none'><p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>4,386.50</span></p></td>
         </tr>
        </table>
        <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
        <p class=MsoNormal><span lang=EN-US><!--[if gte vml 1]><v:shape id="图片_x0020_1" style='width:90pt;height:30pt'><v:imagedata src="file:///C:/Users/dw/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=120 height=40 src="file:///C:/Users/dw/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="图片_x0020_1"><![endif]></span><span style='font-family:仿宋_GB2312'>欢迎党员监督。</span></p>
        <p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312;mso-ascii-font-family:"Times New Roman"'>机关第一党支部</span><span lang=EN-US><o:p></o:p></span></p>
        <!--EndFragment-->
        </body>
        </html>
        """;
}
