using System.Globalization;
using System.Text;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>
/// One hostile input: the bytes given to the reader (and to the command line), and, for the few cases
/// that only a .NET string can carry (a lone surrogate character), the text given to the string overload.
/// </summary>
internal sealed record HostileCase(string Category, string Name, byte[] Bytes, string? Text = null)
{
    /// <summary>The text given to <c>Parse(string)</c>: <see cref="Text"/>, or the bytes decoded as UTF-8 (bad bytes replaced).</summary>
    public string AsText => Text ?? Encoding.UTF8.GetString(Bytes);

    /// <summary>A short, printable view of the input, for failure messages.</summary>
    public string Preview(int max = 160) => Printable(Bytes, max);

    public override string ToString() => $"{Category}/{Name} ({Bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes)";

    /// <summary>Shows bytes as ASCII, with everything else escaped as \xNN, cut at <paramref name="max"/> bytes.</summary>
    public static string Printable(byte[] bytes, int max = 160)
    {
        var builder = new StringBuilder();
        foreach (var b in bytes.Take(max))
        {
            builder.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : "\\x" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        if (bytes.Length > max)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… (+{bytes.Length - max} bytes)");
        }

        return builder.ToString();
    }
}
