using QRCoder;

namespace PartyAffairs.App.Features.Board;

/// <summary>QR codes for the printed board and the lobby screen, as inline SVG: sharp at any paper size, no image files.</summary>
public static class BoardQrCode
{
    public static string Svg(string absoluteUrl)
    {
        var payload = new PayloadGenerator.Url(absoluteUrl).ToString();
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
