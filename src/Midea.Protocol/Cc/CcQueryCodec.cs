using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Cc;

/// <summary>What one 0xCC query answer or report says: the unit's state and what it can do (protocol.md §9.3).</summary>
public sealed class CcQueryAnswer
{
    internal CcQueryAnswer(CcState state, CcCapabilities capabilities, int startIndex, int endIndex, int dataLength)
    {
        State = state;
        Capabilities = capabilities;
        StartIndex = startIndex;
        EndIndex = endIndex;
        DataLength = dataLength;
    }

    /// <summary>The state.</summary>
    public CcState State { get; }
    /// <summary>What the unit can do.</summary>
    public CcCapabilities Capabilities { get; }
    /// <summary>Bytes 2..3: the first entry of the unit's key table the answer holds (0 in every capture).</summary>
    public int StartIndex { get; }
    /// <summary>Bytes 4..5: the last entry of the key table the answer holds (0x43 in every capture).</summary>
    public int EndIndex { get; }
    /// <summary>Bytes 6..7: how many data bytes follow the 8-byte header (0x50 = 80 in every capture).</summary>
    public int DataLength { get; }
}

/// <summary>
/// The 0xCC query (frame type 0x03) and its answer on both sides; reports (frame type 0x04) have the
/// answer's layout (protocol.md §9.2, §9.3). Bodies here are <see cref="AaFrame.Body"/>: the byte in
/// front of the checksum is not part of them.
/// </summary>
public static class CcQueryCodec
{
    /// <summary>Body[0] of a query and of its answer.</summary>
    public const byte Id = 0x01;
    /// <summary>Body[1] of an answer: the format of the data that follows.</summary>
    public const byte AnswerFormat = 0xFE;
    /// <summary>Length of the query body before the message id.</summary>
    public const int QuerySize = 22;
    /// <summary>Shortest answer body that carries every field decoded here (through byte 87, the auxiliary heat).</summary>
    public const int MinimumAnswer = 88;

    // Header values of every captured answer (protocol.md §9.3).
    private const int CapturedEndIndex = 0x43;
    private const int HeaderSize = 8;
    // The auxiliary-heat list is 4 slots, padded with FF; the mode list 5 slots, empty ones 0.
    private const int AuxSlots = 4;
    private const byte AuxPad = 0xFF;
    private static readonly CcMode[] ModeSlots = { CcMode.Fan, CcMode.Cool, CcMode.Heat, CcMode.Auto, CcMode.Dry };

    /// <summary>The query frame: body 01 and 21 zero bytes, then the message id (protocol.md §9.2).</summary>
    public static byte[] Query(byte messageId)
    {
        var body = new byte[QuerySize + 1];
        body[0] = Id;
        body[QuerySize] = messageId;
        return AaFrame.Encode(FrameType.Query, body, applianceType: AaFrame.CommercialAirConditioner);
    }

    /// <summary>Device side: whether <paramref name="frame"/> is a query (type 0x03, body starting 01); its other bytes are not checked (§9.2).</summary>
    public static bool IsQuery(AaFrame frame) =>
        frame is not null && frame.FrameType == (byte)FrameType.Query && frame.Body.Length >= 1 && frame.Body[0] == Id && !IsAnswer(frame.Body);

    /// <summary>Whether <paramref name="body"/> starts like an answer or report: 01 FE.</summary>
    public static bool IsAnswer(byte[] body) => body is not null && body.Length >= 2 && body[0] == Id && body[1] == AnswerFormat;

    /// <summary>Client side: decodes a query answer or report body.</summary>
    /// <exception cref="MideaProtocolException">The body does not start 01 FE, or is shorter than 88 bytes.</exception>
    public static CcQueryAnswer ParseAnswer(byte[] body)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (!IsAnswer(body))
            throw new MideaProtocolException(ProtocolFault.BadValue, $"A 0xCC answer body starts 01 fe, not {Hex.Encode(body.AsSpan(0, Math.Min(2, body.Length)))}.");
        if (body.Length < MinimumAnswer)
            throw new MideaProtocolException(ProtocolFault.Truncated, $"0xCC answer body truncated: {body.Length} bytes, at least {MinimumAnswer} needed.");
        var state = new CcState
        {
            Power = body[8] != 0,
            TargetTemperature = CcTemperature.Decode(body[11]),
            IndoorTemperature = (body[12] << 8 | body[13]) / 10.0,
            OutdoorTemperature = body[14] == 0 ? null : CcTemperature.Decode(body[14]),
            Fahrenheit = body[21] != 0,
            TargetHumidity = body[24],
            IndoorHumidity = body[25] == 0xFF ? null : body[25],
            Mode = (CcMode)body[31],
            FanSpeed = (CcFanSpeed)body[34],
            VerticalSwingAngle = (CcSwingAngle)body[41],
            HorizontalSwingAngle = (CcSwingAngle)body[43],
            WindSense = (CcWindSense)body[45],
            Eco = body[56] != 0,
            Silent = body[58] != 0,
            Sleep = body[60] != 0,
            Purifier = (CcPurifier)body[75],
            Beep = body[80] != 0,
            Display = body[81] != 0,
            AuxiliaryHeat = (CcAuxiliaryHeat)body[87],
        };
        var capabilities = new CcCapabilities
        {
            MinimumTargetTemperature = CcTemperature.Decode(body[9]),
            MaximumTargetTemperature = CcTemperature.Decode(body[10]),
            Humidity = body[23] != 0,
            Modes = body.Skip(26).Take(ModeSlots.Length).Where(b => Enum.IsDefined(typeof(CcMode), b)).Select(b => (CcMode)b).ToArray(),
            FanSpeed = body[32] != 0,
            VerticalSwingAngle = body[40] != 0,
            HorizontalSwingAngle = body[42] != 0,
            WindSense = body[44] != 0,
            Co2Level = body[52] != 0,
            Eco = body[55] != 0,
            Silent = body[57] != 0,
            Sleep = body[59] != 0,
            SelfClean = body[61] != 0,
            Purifier = body[73] != 0,
            PurifierAuto = body[74] != 0,
            FilterLevel = body[78] != 0,
            AuxiliaryHeatModes = body[82] == 0 ? Array.Empty<CcAuxiliaryHeat>()
                : body.Skip(83).Take(AuxSlots).Where(b => Enum.IsDefined(typeof(CcAuxiliaryHeat), b)).Select(b => (CcAuxiliaryHeat)b).ToArray(),
        };
        return new CcQueryAnswer(state, capabilities, body[2] << 8 | body[3], body[4] << 8 | body[5], body[6] << 8 | body[7]);
    }

    /// <summary>
    /// Device side: the 88-byte answer body for <paramref name="state"/> and <paramref name="capabilities"/>
    /// (§9.3). Bytes this module does not decode are 0, except those every capture fills the same way:
    /// the header, the replicated vertical angle (byte 36) and the FF of the empty indoor humidity.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A temperature or humidity the answer cannot carry.</exception>
    /// <exception cref="ArgumentException">More than four auxiliary-heat settings.</exception>
    public static byte[] EncodeAnswer(CcState state, CcCapabilities capabilities)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        if (capabilities is null) throw new ArgumentNullException(nameof(capabilities));
        var body = new byte[MinimumAnswer];
        body[0] = Id;
        body[1] = AnswerFormat;
        body[5] = CapturedEndIndex;
        body[7] = MinimumAnswer - HeaderSize;
        body[8] = Flag(state.Power);
        body[9] = CcTemperature.Encode(capabilities.MinimumTargetTemperature);
        body[10] = CcTemperature.Encode(capabilities.MaximumTargetTemperature);
        body[11] = CcTemperature.Encode(state.TargetTemperature);
        int indoor = (int)Math.Round(state.IndoorTemperature * 10, MidpointRounding.AwayFromZero);
        if (indoor is < 0 or > 0xFFFF) throw new ArgumentOutOfRangeException(nameof(state), state.IndoorTemperature, "A 0xCC answer carries an indoor temperature of 0 … 6553.5 °C.");
        body[12] = (byte)(indoor >> 8);
        body[13] = (byte)indoor;
        body[14] = state.OutdoorTemperature is { } outdoor ? CcTemperature.Encode(outdoor) : (byte)0;
        if (body[14] == 0 && state.OutdoorTemperature is not null)
            throw new ArgumentOutOfRangeException(nameof(state), state.OutdoorTemperature, "An outdoor −40 °C reads as no reading (raw 0).");
        body[21] = Flag(state.Fahrenheit);
        body[23] = Flag(capabilities.Humidity);
        body[24] = Percent(state.TargetHumidity, nameof(state));
        body[25] = state.IndoorHumidity is { } humidity ? Percent(humidity, nameof(state)) : (byte)0xFF;
        if (body[25] == 0xFF && state.IndoorHumidity is not null)
            throw new ArgumentOutOfRangeException(nameof(state), state.IndoorHumidity, "An indoor humidity of 255 reads as no reading (raw FF).");
        // Each mode in its own slot, as the one capture with an empty slot (Auto) shows.
        for (int i = 0; i < ModeSlots.Length; i++)
            body[26 + i] = capabilities.Modes.Contains(ModeSlots[i]) ? (byte)ModeSlots[i] : (byte)0;
        body[31] = (byte)state.Mode;
        body[32] = Flag(capabilities.FanSpeed);
        body[34] = (byte)state.FanSpeed;
        body[36] = (byte)state.VerticalSwingAngle;
        body[40] = Flag(capabilities.VerticalSwingAngle);
        body[41] = (byte)state.VerticalSwingAngle;
        body[42] = Flag(capabilities.HorizontalSwingAngle);
        body[43] = (byte)state.HorizontalSwingAngle;
        body[44] = Flag(capabilities.WindSense);
        body[45] = (byte)state.WindSense;
        body[52] = Flag(capabilities.Co2Level);
        body[55] = Flag(capabilities.Eco);
        body[56] = Flag(state.Eco);
        body[57] = Flag(capabilities.Silent);
        body[58] = Flag(state.Silent);
        body[59] = Flag(capabilities.Sleep);
        body[60] = Flag(state.Sleep);
        body[61] = Flag(capabilities.SelfClean);
        body[73] = Flag(capabilities.Purifier);
        body[74] = Flag(capabilities.PurifierAuto);
        body[75] = (byte)state.Purifier;
        body[78] = Flag(capabilities.FilterLevel);
        body[80] = Flag(state.Beep);
        body[81] = Flag(state.Display);
        IReadOnlyList<CcAuxiliaryHeat> aux = capabilities.AuxiliaryHeatModes;
        if (aux.Count > AuxSlots) throw new ArgumentException($"A 0xCC answer lists at most {AuxSlots} auxiliary-heat settings.", nameof(capabilities));
        body[82] = Flag(aux.Count > 0);
        for (int i = 0; i < AuxSlots; i++) body[83 + i] = i < aux.Count ? (byte)aux[i] : AuxPad;
        body[87] = (byte)state.AuxiliaryHeat;
        return body;
    }

    /// <summary>
    /// Device side: the whole answer frame (frame type 0x03) or report (0x04) as a 0xCC unit sends it,
    /// with FF where an AC frame has its CRC, as in every capture (§9.5).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="frameType"/> is neither Query nor Report.</exception>
    public static byte[] AnswerFrame(CcState state, CcCapabilities capabilities, FrameType frameType = FrameType.Query)
    {
        if (frameType is not (FrameType.Query or FrameType.Report))
            throw new ArgumentException($"A 0xCC answer is a query answer (0x03) or a report (0x04), not 0x{(byte)frameType:x2}.", nameof(frameType));
        return AaFrame.Encode(frameType, EncodeAnswer(state, capabilities), applianceType: AaFrame.CommercialAirConditioner, checkByte: 0xFF);
    }

    private static byte Flag(bool on) => on ? (byte)1 : (byte)0;

    private static byte Percent(int value, string name) => value is >= 0 and <= 255
        ? (byte)value
        : throw new ArgumentOutOfRangeException(name, value.ToString(CultureInfo.InvariantCulture), "A 0xCC humidity byte holds 0 … 255.");
}

/// <summary>The 0xCC temperature byte: raw / 2 − 40 °C (protocol.md §9.3), for targets, limits and the outdoor reading.</summary>
public static class CcTemperature
{
    /// <summary>Lowest temperature the byte carries (raw 0).</summary>
    public const double Minimum = -40;
    /// <summary>Highest temperature the byte carries (raw 255).</summary>
    public const double Maximum = 87.5;

    /// <summary>°C from the raw byte.</summary>
    public static double Decode(byte raw) => raw / 2.0 - 40;

    /// <summary>The raw byte for <paramref name="celsius"/>, rounded to the nearest 0.5 °C.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside −40 … 87.5 °C, or not a number.</exception>
    public static byte Encode(double celsius)
    {
        double raw = Math.Round((celsius + 40) * 2, MidpointRounding.AwayFromZero);
        if (double.IsNaN(raw) || raw < 0 || raw > 255)
            throw new ArgumentOutOfRangeException(nameof(celsius), celsius, "A 0xCC temperature byte carries −40 … 87.5 °C.");
        return (byte)raw;
    }
}
