using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Mconf.Mock.Engine;

/// <summary>Identifiers and seeded randomness. Every random value comes from a <see cref="Random"/> seeded
/// from the run seed and the entity it belongs to, so runs repeat and entities do not disturb each other.</summary>
internal static class Ids
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A local seed for one entity, derived from the run seed and the entity's name parts.</summary>
    public static int LocalSeed(int runSeed, params string[] parts)
    {
        var text = runSeed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + string.Join('\u001f', parts);
        return BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))) & int.MaxValue;
    }

    /// <summary><c>RandomStringUtils.randomAlphanumeric(n)</c>: mixed-case letters and digits.</summary>
    public static string RandomAlphanumeric(Random random, int length) => Pick(random, Alphanumeric, length);

    /// <summary><c>randomAlphanumeric(n).toLowerCase()</c>, as for internal user IDs and auth tokens.</summary>
    public static string RandomLowerAlphanumeric(Random random, int length) => Pick(random, LowerAlphanumeric, length);

    /// <summary><c>RandomStringUtils.randomNumeric(n)</c>; may start with 0.</summary>
    public static string RandomNumeric(Random random, int length) => Pick(random, "0123456789", length);

    private static string Pick(Random random, string alphabet, int length)
    {
        ArgumentNullException.ThrowIfNull(random);
        return string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
    }
}
