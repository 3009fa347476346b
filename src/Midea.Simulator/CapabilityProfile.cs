using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>Which unit the simulator pretends to be, as far as features go.</summary>
public enum CapabilityProfile
{
    /// <summary>Cool, dry, fan-only and auto (no heat), vertical swing only, no swing angles, no energy, no properties.</summary>
    Basic,
    /// <summary>Every capability the module decodes, on two pages, plus an id it does not decode.</summary>
    Full,
    /// <summary>Page 2 is the captured PortaSplit reply (protocol.md K13); page 1 (modes, swing, fan, range, no display control) is assumed.</summary>
    PortaSplit,
}

/// <summary>What a profile reports (B5 pages) and serves (properties, data groups).</summary>
internal sealed class ProfileDefinition
{
    private static readonly byte[] Range16To30 = { 0x20, 0x3c, 0x20, 0x3c, 0x20, 0x3c };
    private static readonly int[] FullGroups = { 1, 2, 4, 5, 7, 11 };
    private static readonly int[] PortaSplitGroups = { 4, 5 };

    private ProfileDefinition(CapabilityEntry[][] pages, ushort[] properties, int[] groups, bool energyBcd)
    {
        Pages = pages;
        Properties = new HashSet<ushort>(properties);
        Groups = new HashSet<int>(groups);
        EnergyBcd = energyBcd;
        Capabilities = AcCapabilities.FromEntries(pages.SelectMany(p => p));
    }

    /// <summary>B5 pages in order.</summary>
    public CapabilityEntry[][] Pages { get; }
    /// <summary>Property ids the unit answers and accepts.</summary>
    public HashSet<ushort> Properties { get; }
    /// <summary>Data groups the unit answers.</summary>
    public HashSet<int> Groups { get; }
    /// <summary>Energy counters in BCD (else binary).</summary>
    public bool EnergyBcd { get; }
    /// <summary>The pages decoded, for checks on SetState.</summary>
    public AcCapabilities Capabilities { get; }

    public static ProfileDefinition For(CapabilityProfile profile) => profile switch
    {
        CapabilityProfile.Basic => new ProfileDefinition(
            new[]
            {
                new[]
                {
                    Entry(0x0214, 0), Entry(0x0215, 0), Entry(0x0210, 5), Entry(0x0212, 1), Entry(0x021A, 0),
                    Entry(0x0213, 0), Entry(0x0217, 1), Entry(0x0224, 1), new CapabilityEntry(0x0225, Range16To30),
                },
            },
            System.Array.Empty<ushort>(), System.Array.Empty<int>(), energyBcd: true),
        CapabilityProfile.Full => new ProfileDefinition(
            new[]
            {
                new[]
                {
                    Entry(0x0214, 9), Entry(0x0215, 1), Entry(0x0210, 1), Entry(0x0212, 1), Entry(0x0213, 1),
                    Entry(0x0216, 3), Entry(0x0217, 4), Entry(0x021A, 1), Entry(0x021F, 3), Entry(0x0222, 0),
                    Entry(0x0224, 1), new CapabilityEntry(0x0225, new byte[] { 0x20, 0x3c, 0x20, 0x3c, 0x20, 0x3c, 0x05 }),
                    Entry(0x022C, 1), Entry(0x021E, 1), Entry(0x0219, 1),
                },
                new[]
                {
                    Entry(0x0009, 1), Entry(0x000A, 1), Entry(0x0043, 1), Entry(0x0018, 1), Entry(0x0042, 1),
                    Entry(0x0039, 1), Entry(0x0048, 2), Entry(0x004B, 1), Entry(0x0059, 1), Entry(0x0067, 1),
                    Entry(0x00CD, 1), Entry(0x00E3, 1), Entry(0x0040, 1), Entry(0x0051, 1),
                },
            },
            new ushort[]
            {
                PropertyId.VerticalSwingAngle, PropertyId.HorizontalSwingAngle, PropertyId.Breezeless, PropertyId.SelfClean,
                PropertyId.BreezeAway, PropertyId.BreezeControl, PropertyId.RateSelect, PropertyId.FreshAir, PropertyId.Cascade,
                PropertyId.Flash, PropertyId.OutSilent, PropertyId.IEco,
            },
            FullGroups, energyBcd: true),
        _ => new ProfileDefinition(
            new[]
            {
                new[]
                {
                    // No 0x0224: the captured page reports no display control either.
                    Entry(0x0214, 1), Entry(0x0215, 0), Entry(0x0210, 1), Entry(0x0212, 1),
                    new CapabilityEntry(0x0225, Range16To30),
                },
                // Vector K13, as a PortaSplit reports it.
                new List<CapabilityEntry>(CapabilityCodec.ParsePage(Hex.Decode("b5081f0201002c020101160201043900010151000101e300010113020101cd0001030002")).Entries).ToArray(),
            },
            new ushort[] { PropertyId.SelfClean, PropertyId.IEco, PropertyId.OutSilent },
            PortaSplitGroups, energyBcd: false),
    };

    private static CapabilityEntry Entry(ushort id, byte value) => new(id, new[] { value });
}
