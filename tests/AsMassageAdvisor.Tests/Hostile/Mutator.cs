using System.Globalization;
using System.Text;
using AsMassageAdvisor.Model;
using AsMassageAdvisor.Reading;

namespace AsMassageAdvisor.Tests.Hostile;

/// <summary>
/// Byte-level mutations of a valid request, driven by a seeded <see cref="Random"/> so that a seed always
/// gives the same mutants: bit flips, byte replacements, insertions (random bytes and JSON-ish tokens),
/// deletions, duplicated ranges, and swaps of one enum value for another (which keeps many mutants valid).
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "{", "}", "[", "]", "\"", "\\", ",", ":", " ", "\n", "0", "-", "1e999", "-0", "null", "true", "\\u", "\\ud800", "\\u0000",
            "\"x\":1,", "{}", "[]", "\"\"", "\"smoker\":\"no\",", "99999999999999999999", "\u00e9", "\ud83d\ude00",
        }.Select(Encoding.UTF8.GetBytes),
        [0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF],
    ];

    // Every enum name of the contract, by type, and a few dates: swapping one for another keeps the JSON well
    // formed, and swapping within a type often keeps the request valid.
    private static readonly string[][] Groups =
    [
        [.. JsonNames.All<DiseaseActivity>()], [.. JsonNames.All<AnkylosisStatus>()], [.. JsonNames.All<BodyRegion>()], [.. JsonNames.All<Answer>()],
        [.. JsonNames.All<NeurologicalSymptom>()], [.. JsonNames.All<Technique>()], [.. JsonNames.All<NsaidResponse>()], [.. JsonNames.All<Administrator>()],
        [.. JsonNames.All<SessionGoal>()], [.. JsonNames.All<Pressure>()], ["2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24", "0001-01-01", "9999-12-31"],
    ];

    private static readonly string[] Values = [.. Groups.SelectMany(g => g).Distinct(StringComparer.Ordinal)];

    private readonly Random random = new(seed);

    /// <summary>Applies one to four mutations (in one mutant of four, value swaps only); returns the mutant and a description of what was done.</summary>
    public (byte[] Bytes, string Operations) Mutate(byte[] original)
    {
        var bytes = new List<byte>(original);
        var count = 1 + random.Next(4);
        var operations = new List<string>();

        // One mutant in four only swaps values, so that many stay well formed and reach the advisor.
        var swapsOnly = random.Next(4) == 0;
        for (var i = 0; i < count; i++)
        {
            operations.Add(swapsOnly ? SwapValue(bytes) : MutateOnce(bytes));
        }

        return ([.. bytes], string.Join("; ", operations));
    }

    private string MutateOnce(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(Tokens[random.Next(Tokens.Length)]);
            return "refill";
        }

        var at = random.Next(bytes.Count);
        switch (random.Next(8))
        {
            case 0:
                var bit = random.Next(8);
                bytes[at] ^= (byte)(1 << bit);
                return $"flip bit {Int(bit)} at {Int(at)}";
            case 1:
                var value = (byte)random.Next(256);
                bytes[at] = value;
                return $"set byte {Int(at)} to 0x{value.ToString("X2", CultureInfo.InvariantCulture)}";
            case 2:
                var inserted = (byte)random.Next(256);
                bytes.Insert(at, inserted);
                return $"insert 0x{inserted.ToString("X2", CultureInfo.InvariantCulture)} at {Int(at)}";
            case 3:
                var token = Tokens[random.Next(Tokens.Length)];
                bytes.InsertRange(at, token);
                return $"insert token '{HostileCase.Printable(token)}' at {Int(at)}";
            case 4:
                bytes.RemoveAt(at);
                return $"delete byte {Int(at)}";
            case 5:
                var length = Math.Min(1 + random.Next(32), bytes.Count - at);
                bytes.RemoveRange(at, length);
                return $"delete {Int(length)} bytes at {Int(at)}";
            case 6:
                var span = Math.Min(1 + random.Next(64), bytes.Count - at);
                var copy = bytes.GetRange(at, span);
                var to = random.Next(bytes.Count + 1);
                bytes.InsertRange(to, copy);
                return $"copy {Int(span)} bytes from {Int(at)} to {Int(to)}";
            default:
                return SwapValue(bytes);
        }
    }

    private string SwapValue(List<byte> bytes)
    {
        // Find the quoted strings that are contract values, and replace one of them by another value.
        var text = Encoding.Latin1.GetString([.. bytes]);
        var found = new List<(int Start, int Length)>();
        foreach (var value in Values)
        {
            var quoted = "\"" + value + "\"";
            for (var i = text.IndexOf(quoted, StringComparison.Ordinal); i >= 0; i = text.IndexOf(quoted, i + 1, StringComparison.Ordinal))
            {
                found.Add((i, quoted.Length));
            }
        }

        if (found.Count == 0)
        {
            return "swap (nothing to swap)";
        }

        found.Sort();
        var (start, length) = found[random.Next(found.Count)];
        var current = text.Substring(start + 1, length - 2);
        var sameType = Groups.Where(g => g.Contains(current, StringComparer.Ordinal)).ToArray();
        var pool = random.Next(2) == 0 ? sameType[random.Next(sameType.Length)] : Values;
        var replacement = pool[random.Next(pool.Length)];
        bytes.RemoveRange(start, length);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes("\"" + replacement + "\""));
        return $"swap value at {Int(start)} for '{replacement}'";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
