using System.Text;
using PartyAffairs.App.Features.Publishing.Attachments;

namespace PartyAffairs.Tests.Features.Publishing;

public sealed class FileSignatureTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];
    private static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00\x80\x00");
    private static readonly byte[] Webp = Encoding.ASCII.GetBytes("RIFF\x24\x00\x00\x00WEBPVP8 ");
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0, 8, 0, 0, 0];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0];
    private static readonly byte[] Html = Encoding.ASCII.GetBytes("<!DOCTYPE html><script>");
    private static readonly byte[] Svg = Encoding.ASCII.GetBytes("<svg xmlns=\"http://");
    private static readonly byte[] Script = Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /");

    public static TheoryData<string, string, string?> Cases => new()
    {
        { nameof(Pdf), "通知.pdf", "application/pdf" },
        { nameof(Pdf), "通知.PDF", "application/pdf" },
        { nameof(Png), "合影.png", "image/png" },
        { nameof(Jpeg), "合影.jpg", "image/jpeg" },
        { nameof(Jpeg), "合影.jpeg", "image/jpeg" },
        { nameof(Gif), "a.gif", "image/gif" },
        { nameof(Webp), "a.webp", "image/webp" },
        { nameof(Zip), "报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { nameof(Zip), "名单.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { nameof(Zip), "报告.wps", "application/vnd.ms-works" },
        { nameof(Ole), "报告.doc", "application/msword" },
        { nameof(Ole), "名单.xls", "application/vnd.ms-excel" },
        { nameof(Ole), "名单.et", "application/vnd.ms-excel" },
        { nameof(Exe), "通知.pdf", null },
        { nameof(Exe), "setup.exe", null },
        { nameof(Html), "通知.pdf", null },
        { nameof(Html), "page.html", null },
        { nameof(Svg), "logo.svg", null },
        { nameof(Script), "run.sh", null },
        { nameof(Zip), "archive.zip", null },
        { nameof(Zip), "通知.pdf", null },
        { nameof(Pdf), "通知.docx", null },
        { nameof(Png), "合影.jpg", null },
        { nameof(Ole), "报告.docx", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_type_comes_from_the_content_and_the_extension_must_agree(string content, string fileName, string? expected)
    {
        var bytes = (byte[])typeof(FileSignatureTests).GetField(content, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;

        FileSignature.Detect(bytes, fileName).ShouldBe(expected);
    }

    [Fact]
    public void Nothing_is_no_type()
    {
        FileSignature.Detect([], "empty.pdf").ShouldBeNull();
        FileSignature.Detect("%P"u8, "short.pdf").ShouldBeNull();
    }
}
