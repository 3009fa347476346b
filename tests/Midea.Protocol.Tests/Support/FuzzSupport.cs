using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>
/// Shared generators and assertions of the property-based (CsCheck) fuzz tests. The contract they check:
/// a decoder given any bytes either returns or throws <see cref="MideaProtocolException"/>; any other exception
/// escapes the helper and makes CsCheck shrink the input and report it (as hex, see <see cref="Print"/>).
/// </summary>
internal static class Fuzz
{
    /// <summary>Iterations of a cheap property (pure byte parsing).</summary>
    public const int Cheap = 8000;
    /// <summary>Iterations of a property that runs AES, MD5 or SHA-256 over its input.</summary>
    public const int Heavy = 2000;
    /// <summary>Iterations of a round-trip property.</summary>
    public const int RoundTrip = 600;

    /// <summary>Runs <paramref name="decode"/>; a <see cref="MideaProtocolException"/> is an accepted outcome, anything else escapes.</summary>
    public static void DecodesOrRejects(Action decode)
    {
        try
        {
            decode();
        }
        catch (MideaProtocolException)
        {
            // The contract: malformed bytes are reported with this exception only.
        }
    }

    /// <summary>Hex of a byte array for CsCheck's failure report.</summary>
    public static string Print(byte[] bytes) => Hex.Encode(bytes);

    /// <summary>Random bytes: mostly short (0..64), sometimes up to 4 KB, length 0 included.</summary>
    public static readonly Gen<byte[]> RandomBytes = Gen.Frequency(
        (1, Gen.Const(Array.Empty<byte>())),
        (6, Gen.Byte.Array[0, 64]),
        (3, Gen.Byte.Array[0, 300]),
        (1, Gen.Byte.Array[0, 4096]));

    /// <summary>Random bytes that often start with one of <paramref name="prefixes"/>, so the decoder gets past its magic check.</summary>
    public static Gen<byte[]> RandomWithPrefix(params byte[][] prefixes) =>
        Gen.Select(Gen.Int[0, prefixes.Length], RandomBytes, (choice, tail) =>
            choice == prefixes.Length ? tail : prefixes[choice].Concat(tail).ToArray());

    /// <summary>One edit of a mutation: its kind, a position (reduced modulo the length), a byte and a count.</summary>
    public readonly record struct Edit(int Kind, int Position, byte Value, int Count);

    private static readonly Gen<Edit> EditGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1 << 16], Gen.Byte, Gen.Int[0, 64],
        (kind, position, value, count) => new Edit(kind, position, value, count));

    /// <summary>Applies edits: bit flips, byte sets, truncation, extension, insertion, deletion, huge length fields.</summary>
    public static byte[] Mutate(byte[] original, Edit[] edits)
    {
        var bytes = new List<byte>(original);
        foreach (Edit e in edits)
        {
            int at = bytes.Count == 0 ? 0 : e.Position % bytes.Count;
            switch (e.Kind)
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << (e.Value & 7)); break;
                case 1 when bytes.Count > 0: bytes[at] = e.Value; break;
                case 2: bytes.RemoveRange(Math.Min(at, bytes.Count), bytes.Count - Math.Min(at, bytes.Count)); break;
                case 3: bytes.AddRange(Enumerable.Repeat(e.Value, e.Count)); break;
                case 4: bytes.InsertRange(Math.Min(at, bytes.Count), Enumerable.Repeat(e.Value, 1 + e.Count % 4)); break;
                case 5 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(1 + e.Count % 8, bytes.Count - at)); break;
                case 6 when bytes.Count > 1: bytes[at] = 0xFF; bytes[(at + 1) % bytes.Count] = 0xFF; break;
                case 7 when bytes.Count > 0: bytes[at] = (byte)(e.Value % 2 == 0 ? 0x00 : 0xFF); break;
                case 8 when bytes.Count > 0: bytes[at] = unchecked((byte)(bytes[at] + (e.Value % 2 == 0 ? 1 : -1))); break;
                default: break;
            }
        }
        return bytes.ToArray();
    }

    /// <summary>One of <paramref name="seeds"/> with one to six random edits.</summary>
    public static Gen<byte[]> Mutated(params byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], EditGen.Array[1, 6], (i, edits) => Mutate(seeds[i], edits));

    /// <summary>One of <paramref name="seeds"/> with edits, each seed produced afresh by <paramref name="seeds"/> (e.g. encoder output).</summary>
    public static Gen<byte[]> Mutated(Gen<byte[]> seeds) =>
        Gen.Select(seeds, EditGen.Array[1, 6], Mutate);

    /// <summary>Re-signs a V2 packet after mutation, so the decoder gets past the MD5 check (to padding and payload rules).</summary>
    public static byte[] ResignV2(byte[] packet)
    {
        if (packet.Length < V2Packet.HeaderSize + V2Packet.SignSize) return packet;
        byte[] copy = (byte[])packet.Clone();
        int length = copy.Length;
        copy[4] = (byte)length;
        copy[5] = (byte)(length >> 8);
        byte[] sign = Crypto.Md5(V2Packet.Slice(copy, 0, length - V2Packet.SignSize), V2Packet.SignKey);
        Buffer.BlockCopy(sign, 0, copy, length - V2Packet.SignSize, V2Packet.SignSize);
        return copy;
    }

    /// <summary>A V2 packet whose encrypted part is random blocks (so its padding is random) but whose sign is valid.</summary>
    public static readonly Gen<byte[]> SignedV2RandomCipher =
        Gen.Select(Gen.Byte.Array[V2Packet.HeaderSize], Gen.Int[0, 8], Gen.Byte.Array[16 * 8], (header, blocks, cipher) =>
        {
            var packet = new byte[V2Packet.HeaderSize + 16 * blocks + V2Packet.SignSize];
            Buffer.BlockCopy(header, 0, packet, 0, V2Packet.HeaderSize);
            packet[0] = 0x5a;
            packet[1] = 0x5a;
            Buffer.BlockCopy(cipher, 0, packet, V2Packet.HeaderSize, 16 * blocks);
            return ResignV2(packet);
        });

    /// <summary>Captured V2 packets (protocol.md §7).</summary>
    public static readonly byte[][] V2Seeds = { B(T01), B(T02), B(T04), B(T08), B(T05Inner) };

    /// <summary>Captured V3 packets and the §3.7 worked example.</summary>
    public static readonly byte[][] V3Seeds =
    {
        B(T03), B(T05), B(HandshakeResponse), B(EncryptedRequest), B(EncryptedResponse), V3Packet.EncodeError(7),
        Handshake.EncodeRequest(1, B(Token)),
    };

    /// <summary>Captured AA frames: commands (F..), states (S..), capabilities (K..), properties (P..) and group data (G..).</summary>
    public static readonly byte[][] FrameSeeds = new[]
    {
        T06Frame, F01, F02, F12, F13, F14, S04, S05,
        "aa29ac00000000000303b5071202010113020101140201011502010116020101170201001a020101dedb",
        "aa3dac00000000000203b50a12020101180001001402010115020101160201001a020101100201011f020100250207203c203c203c00400001000100c83a",
        "aa56ac00000000000803b51012020100180001001402010115020101160201041a020101100201011f020103250207203c203c203c0551000101e30002080867000102c200010098000101950001019d00010101008b43",
        "aa27ac00000000000303b5051f0201002c020101670001011602010451000101e30001010004f564",
        "aa1aac00000000000205b50310060101090001010a000101dcbcb4",
        "aa11ac00000000000304a100038a95b6c102",
        "aa2bac00000000000204a60000000000000000000000000000000000000000000000000000000000003b3b07",
        "aa21ac00000000000303b10409000001000a00000100150000012b1e020000005fa3",
        "aa18ac00000000000302b0020a0000013209001101000089a4",
        "aa1cac00000000000303b103430000010218000001004200000000cf0e",
        "aa15ac00000000000303b1014b000003015052001680",
        "aa12ac00000000000003b10209000a00011761",
        "aa16ac00000000000002b002090001191a000101012d1d",
        "aa1fac00000000000303c121014400067920000000000000000000000000aabf",
        "aa20ac00000000000203c121014400564a02640000000014ae0000000000041a22",
        "aa20ac00000000000303c12101453f546c005d0a000000de1f0000ba9a0004af9c",
        "aa20ac000000000000034121014b00000000000000000000000000000000013a48",
        "aa0fac00000000000003b5010001e5a6",
        "aa10ac00000000000003b5010101012365",
    }.Select(B).ToArray();

    /// <summary>The bodies (id through message id, no CRC) of <see cref="FrameSeeds"/> plus captured bare bodies.</summary>
    public static readonly byte[][] BodySeeds = FrameSeeds.Select(f => f.AsSpan(10, f.Length - 12).ToArray())
        .Concat(new[]
        {
            "b50a12020101430001011402010115020101160201001a020101100201011f020103250207203c203c203c05400001000100",
            "b5051e020101130201012202010019020100390001010000",
            "b5014b000101",
            "c12101451e4f2b5e003c01000000692900cf7e0001bb38",
            "c10000411c1d0001e800472666582d0000000000",
            "c100004234350000100000000000000000000000",
            "c10000470000000000000d010000000000000000",
            "c100004b0064006400486400f000000000000000",
            "b1030900000119000000",
        }.Select(B))
        .ToArray();

    /// <summary>The three captured provisioning payloads (provisioning.md §1, from offset 16).</summary>
    public static readonly byte[][] ProvisioningSeeds = new[]
    {
        "1664697374727573742e6c6f7373792e6e6574776f726b0b6368616e67656d6531323306e6956e41f7a01664697374727573742e6c6f7373792e6e6574776f726b09010101021444450204010d14002404170034041401640b1b010304543a000004116d6f64756c652e617070736d622e636f6d0502bb010601020703020601",
        "167770612d746b69702e6c6f7373792e6e6574776f726b0b6368616e67656d6531323306e6956e41f7a0167770612d746b69702e6c6f7373792e6e6574776f726b09010101021444450204010d14002404170034041401640b1b010304543a000004116d6f64756c652e617070736d622e636f6d0502bb010601020703020601",
        "126f70656e2e6c6f7373792e6e6574776f726b0006e6956e41f7a0126f70656e2e6c6f7373792e6e6574776f726b09010101021444450204010d14002404170034041401640b1b010304543a000004116d6f64756c652e617070736d622e636f6d0502bb010601020703020601",
    }.Select(B).ToArray();

    /// <summary>A frame type byte: the four known ones or any other.</summary>
    public static readonly Gen<byte> FrameTypeByte = Gen.Frequency((4, Gen.OneOf<byte>(0x02, 0x03, 0x04, 0x05)), (1, Gen.Byte));

    /// <summary>A body that starts with an id some parser knows (or a random one): random tail or a mutated captured body.</summary>
    public static readonly Gen<byte[]> AnyBody = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf<byte>(0xC0, 0x40, 0x41, 0xB5, 0xB0, 0xB1, 0xC1, 0xA0, 0xA1), Gen.Byte.Array[0, 40], (id, tail) => new[] { id }.Concat(tail).ToArray())),
        (3, Mutated(BodySeeds)),
        (1, Gen.Byte.Array[1, 300]));

    /// <summary>A valid AA frame around <see cref="AnyBody"/> (CRC and checksum correct), so body parsers are reached.</summary>
    public static readonly Gen<byte[]> ValidFrameAnyBody = Gen.Select(FrameTypeByte, AnyBody.Where(b => b.Length is >= 1 and <= 240), Gen.Byte,
        (type, body, version) => AaFrame.Encode((FrameType)type, body, version));
}
