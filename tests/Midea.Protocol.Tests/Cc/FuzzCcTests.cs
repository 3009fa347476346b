using System.Linq;
using CsCheck;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Inspection;
using Xunit;
using static Midea.Protocol.Tests.CcVectors;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>Property-based fuzzing of the 0xCC parsers (protocol.md §9) and of the inspector on 0xCC frames: only MideaProtocolException.</summary>
public class FuzzCcTests
{
    private const byte Cc = AaFrame.CommercialAirConditioner;

    private static readonly byte[][] FrameSeeds = new[] { M01, M02, M03, M09, M37, M38, M39, M42 }.Select(B).ToArray();

    private static readonly byte[][] BodySeeds = CcQueryCodecTests.Answers.Concat(new[] { M40, M41, M44 })
        .Select(h => h.StartsWith("aa", System.StringComparison.Ordinal) ? AaFrame.Decode(B(h), Cc).Body : B(h)).ToArray();

    private static readonly Gen<byte[]> Encoded = Gen.OneOf(
        Gen.Select(CcGen.States, CcGen.Capabilities, CcQueryCodec.EncodeAnswer),
        CcGen.Changes.Select(c => AaFrame.Decode(CcControlCodec.AnswerFrame(c), Cc).Body));

    [Fact]
    public void Fuzz_answer_and_entry_parsers_of_random_and_mutated_bodies_throw_only_protocol_errors()
    {
        Gen.OneOf(Fuzz.RandomWithPrefix(new byte[] { 0x01, 0xFE }, new byte[] { 0x00, 0x00 }), Fuzz.Mutated(BodySeeds), Fuzz.Mutated(Encoded)).Sample(body =>
        {
            Fuzz.DecodesOrRejects(() => CcQueryCodec.ParseAnswer(body));
            Fuzz.DecodesOrRejects(() => CcControlCodec.ParseEntries(body));
        }, iter: Fuzz.Cheap, print: Fuzz.Print);
    }

    [Fact]
    public void Fuzz_0xCC_frames_through_the_decoder_and_the_inspector_throw_only_protocol_errors()
    {
        // Mutated captures (mostly refused by the checksum), and any body in a valid 0xCC frame (which reaches the body parsers).
        Gen<byte[]> valid = Gen.Select(Fuzz.FrameTypeByte, Gen.OneOf(Fuzz.Mutated(BodySeeds), Fuzz.Mutated(Encoded)).Where(b => b.Length is >= 1 and <= 240),
            (type, body) => AaFrame.Encode((FrameType)type, body, applianceType: Cc, checkByte: 0xFF));
        Gen.OneOf(Fuzz.Mutated(FrameSeeds), valid).Sample(frame =>
        {
            Fuzz.DecodesOrRejects(() => AaFrame.Decode(frame, Cc));
            Fuzz.DecodesOrRejects(() => AaFrame.DecodeRequest(frame, Cc));
            Fuzz.DecodesOrRejects(() => PacketInspector.Inspect(frame));
        }, iter: Fuzz.Cheap, print: Fuzz.Print);
    }
}
