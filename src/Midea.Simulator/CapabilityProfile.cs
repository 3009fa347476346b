using System.Collections.Generic;
using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>Which unit the simulator pretends to be, as far as features go.</summary>
public enum CapabilityProfile
{
    /// <summary>Invented: cool, dry, fan-only and auto (no heat), vertical swing only, no swing angles, no energy, no properties.</summary>
    Basic,
    /// <summary>Invented: every capability the module decodes, on two pages, plus two ids it does not decode.</summary>
    Full,
    /// <summary>Page 2 is the captured PortaSplit reply (protocol.md K13); page 1 (modes, swing, fan, range, no display control) is invented.</summary>
    PortaSplit,
}

/// <summary>
/// What a profile reports (B5 pages) and serves (properties, data groups). The properties follow from the
/// pages through the one capability → property mapping (<see cref="AcCapabilities.BackedProperties"/>), so a
/// unit never refuses what it advertises nor answers what it does not (protocol.md §5.8).
/// </summary>
/// <remarks>
/// Every entry has the layout captured units use (protocol.md §7.4): one value byte, except 0x0225 with seven
/// and 0x00E3 as K13 has it. Where a page is not a capture, its content is invented and says so.
/// </remarks>
internal sealed class ProfileDefinition
{
    // 16–30 °C for cool, auto and heat in 0.5 °C units, then the decimals byte: seven value bytes, as every
    // captured 0x0225 has (K02, K04, K05, K07, K10, K11); midea-local reads the seventh. 00 as in K02, K04, K07, K11.
    private static readonly byte[] Range16To30 = { 0x20, 0x3c, 0x20, 0x3c, 0x20, 0x3c, 0x00 };
    private static readonly int[] FullGroups = { 1, 2, 4, 5, 7, 11 };
    private static readonly int[] PortaSplitGroups = { 4, 5 };

    private ProfileDefinition(CapabilityEntry[][] pages, int[] groups, bool energyBcd)
    {
        Pages = pages;
        Groups = new HashSet<int>(groups);
        EnergyBcd = energyBcd;
        Capabilities = AcCapabilities.FromEntries(pages.SelectMany(p => p));
        Properties = new HashSet<ushort>(Capabilities.BackedProperties);
    }

    /// <summary>B5 pages in order.</summary>
    public CapabilityEntry[][] Pages { get; }
    /// <summary>Property ids the unit answers and accepts: exactly those its pages back.</summary>
    public HashSet<ushort> Properties { get; }
    /// <summary>Data groups the unit answers.</summary>
    public HashSet<int> Groups { get; }
    /// <summary>Energy counters in BCD (else binary).</summary>
    public bool EnergyBcd { get; }
    /// <summary>The pages decoded, for checks on SetState and for what the unit serves.</summary>
    public AcCapabilities Capabilities { get; }

    /// <summary>The definition of <paramref name="profile"/>.</summary>
    public static ProfileDefinition For(CapabilityProfile profile) => profile switch
    {
        // Invented: no unit was captured with this set; a plain cooling unit to test refusals against.
        CapabilityProfile.Basic => new ProfileDefinition(
            new[]
            {
                new[]
                {
                    Entry(0x0214, 0), Entry(0x0215, 0), Entry(0x0210, 5), Entry(0x0212, 1), Entry(0x021A, 0),
                    Entry(0x0213, 0), Entry(0x0217, 1), Entry(0x0224, 1), new CapabilityEntry(0x0225, Range16To30),
                },
            },
            System.Array.Empty<int>(), energyBcd: true),
        // Invented: every decoded capability at once, which no captured unit reports; each entry's value is
        // one the §5.7 rules turn on, and 0x0040/0x0051 carry the values captures show (K05, K13).
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
                    Entry(0x00CD, 1), Entry(0x00E3, 1), Entry(0x0040, 0), Entry(0x0051, 1),
                },
            },
            FullGroups, energyBcd: true),
        _ => new ProfileDefinition(
            new[]
            {
                new[]
                {
                    // Invented: the first page of the captured unit was not published. No 0x0224, since the
                    // captured page reports no display control either.
                    Entry(0x0214, 1), Entry(0x0215, 0), Entry(0x0210, 1), Entry(0x0212, 1),
                    new CapabilityEntry(0x0225, Range16To30),
                },
                // Vector K13, as a PortaSplit reports it.
                new List<CapabilityEntry>(CapabilityCodec.ParsePage(Hex.Decode("b5081f0201002c020101160201043900010151000101e300010113020101cd0001030002")).Entries).ToArray(),
            },
            PortaSplitGroups, energyBcd: false),
    };

    private static CapabilityEntry Entry(ushort id, byte value) => new(id, new[] { value });
}
