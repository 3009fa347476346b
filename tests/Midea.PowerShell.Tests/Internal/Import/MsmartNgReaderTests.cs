using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Midea.PowerShell.Internal.Import;
using static Midea.PowerShell.Tests.Import.ImportFixture;

namespace Midea.PowerShell.Tests.Import;

/// <summary>
/// msmart-ng discover logs and the legacy midea-discover output (docs/import-formats.md §5), from
/// Fixtures/msmart-*.log and midea-discover-legacy.log. Addresses are loopback (127.0.0.x) and only read: no test contacts them.
/// </summary>
public class MsmartNgReaderTests
{
    private static readonly ImportResult Discover = Read("msmart-discover.log", ImportFormat.MsmartNg);

    [Fact]
    public void A_found_V3_air_conditioner_comes_with_its_token_key_name_and_serial()
    {
        ImportedDevice unit = Unit(Discover, 123456789012345);
        Assert.Equal("127.0.0.10", unit.Device.Address);
        Assert.Equal(6444, unit.Device.Port);
        Assert.Equal("AirConditioner", unit.Device.Type);
        Assert.Equal(3, unit.Device.ProtocolVersion);
        Assert.Equal("net_ac_1A2B", unit.Device.Name);
        Assert.Equal("000000P0000000Q1000000000001A2B0", unit.Device.SerialNumber);
        AssertPair(unit.Device, AcToken, AcKey);
        Assert.Equal("the device at line 10", unit.Source);
    }

    [Fact]
    public void A_COMMERCIAL_AC_member_is_a_commercial_unit()
    {
        ImportedDevice unit = Unit(Discover, 123456789012346);
        Assert.Equal("CommercialAc", unit.Device.Type);
        AssertPair(unit.Device, CcToken, CcKey);
    }

    [Fact]
    public void A_unit_without_token_is_imported_as_V2_with_a_note_that_it_may_be_a_V3_unit_whose_lookup_failed()
    {
        ImportedDevice unit = Unit(Discover, 123456789012347);
        Assert.Equal(2, unit.Device.ProtocolVersion);
        AssertNoPair(unit.Device);
        Note(Discover, "the device at line 14", "123456789012347", "version 2", "Get-MideaToken");
    }

    [Fact]
    public void A_dehumidifier_given_as_a_plain_number_is_skipped_with_a_note()
    {
        Assert.DoesNotContain(Discover.Devices, d => d.Device.Id == 123456789012348);
        Note(Discover, "the device at line 16", "0xA1", "skipped");
        Assert.Equal(3, Discover.Devices.Count);
        Assert.Equal(2, Discover.Notes.Count);
    }

    [Fact]
    public void A_debug_log_gives_only_the_found_device_never_a_cloud_reply_pair_or_a_session_key()
    {
        ImportResult result = Read("msmart-debug.log");
        Assert.Equal(ImportFormat.MsmartNg, result.Format);
        ImportedDevice unit = Assert.Single(result.Devices);
        Assert.Equal(123456789012355, unit.Device.Id);
        AssertPair(unit.Device, AcToken, AcKey);
        Assert.NotEqual(Convert.FromHexString(CloudToken), unit.Device.Token);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void The_legacy_coloured_line_reads_with_its_version_uppercase_secrets_and_hex_type()
    {
        ImportResult result = Read("midea-discover-legacy.log");
        Assert.Equal(ImportFormat.MsmartNg, result.Format);
        ImportedDevice v3 = Unit(result, 123456789012356);
        Assert.Equal("127.0.0.40", v3.Device.Address);
        Assert.Equal(3, v3.Device.ProtocolVersion);
        Assert.Equal("AirConditioner", v3.Device.Type);
        AssertPair(v3.Device, LegacyToken, LegacyKey);
        ImportedDevice v2 = Unit(result, 123456789012357);
        Assert.Equal(2, v2.Device.ProtocolVersion);
        Assert.Equal(2, result.Devices.Count);
        Note(result, "the device at line 4", "0xFA", "skipped");
        Note(result, "the device at line 5", "version 1", "skipped");
        // The version is printed, so there is nothing to guess and no note about it.
        Assert.Equal(2, result.Notes.Count);
    }

    [Fact]
    public void A_token_with_a_character_that_is_not_hex_fails_the_file_naming_the_line()
    {
        ImportFormatException ex = Fails("msmart-bad-token.log", ImportFormat.MsmartNg);
        Assert.Equal("the device at line 5", ex.Entry);
        Assert.Contains("'token' contains a character that is not a hex digit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_without_a_found_device_line_is_an_error_and_one_that_found_none_is_empty()
    {
        using var folder = new TempFolder();
        string none = folder.Combine("none.log");
        File.WriteAllText(none, "INFO:msmart.cli:Discovering all devices on local network.\nINFO:msmart.cli:Found 0 devices.\n");
        ImportResult empty = ImportReader.Read(none, ImportFormat.MsmartNg);
        Assert.Empty(empty.Devices);
        Assert.Single(empty.Notes);

        string other = folder.Combine("other.log");
        File.WriteAllText(other, "INFO:something:else\n");
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(other, ImportFormat.MsmartNg));
        Assert.Contains("Found device:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_found_device_line_without_a_dictionary_or_with_a_broken_one_is_an_error_that_names_the_line()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("cut.log");
        File.WriteAllText(path, "INFO:msmart.cli:Found device:\nINFO:msmart.cli:next\n");
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.MsmartNg));
        Assert.Equal("\"Found device:\" at line 1", ex.Entry);

        File.WriteAllText(path, "INFO:msmart.cli:Found device:\n{'ip': '127.0.0.10', 'token': '" + AcToken + "\n");
        ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.MsmartNg));
        Assert.Equal("the device at line 2", ex.Entry);
        Assert.Contains("line 2, column", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex, AcToken);
    }
}

/// <summary>The Python literal reader behind the msmart-ng format.</summary>
public class PythonLiteralTests
{
    private static object? Parse(string text)
    {
        Assert.True(PythonLiteral.TryParse(text, 0, out object? value, out int end, out _));
        Assert.Equal(text.Length, end);
        return value;
    }

    [Fact]
    public void Reads_a_dict_of_the_values_msmart_prints()
    {
        var d = (Dictionary<string, object?>)Parse("{'a': 'x', \"b\": -5, 'c': None, 'd': True, 'e': False, 'f': 1.5, 'g': <DeviceType.COMMERCIAL_AC: 204>, 'h': [1, (2, 3)], 'i': {}, 'j': b'\\x41\\'', 'k': <Thing.NAME>}")!;
        Assert.Equal("x", d["a"]);
        Assert.Equal(-5L, d["b"]);
        Assert.Null(d["c"]);
        Assert.Equal(true, d["d"]);
        Assert.Equal(false, d["e"]);
        Assert.Equal(1.5, d["f"]);
        Assert.Equal(204L, d["g"]);
        Assert.Equal(2, ((List<object?>)d["h"]!).Count);
        Assert.Empty((Dictionary<string, object?>)d["i"]!);
        Assert.Equal("A'", d["j"]);
        Assert.Equal("Thing.NAME", d["k"]);
    }

    [Fact]
    public void Stops_at_what_it_does_not_know_and_says_where()
    {
        Assert.False(PythonLiteral.TryParse("{'a': datetime(2026)}", 0, out _, out _, out int stopped));
        Assert.Equal(6, stopped);
        Assert.False(PythonLiteral.TryParse("{'a': 'open", 0, out _, out _, out _));
        Assert.False(PythonLiteral.TryParse("{1: 'x'}", 0, out _, out _, out _));
        Assert.False(PythonLiteral.TryParse("{'a': 99999999999999999999}", 0, out _, out _, out _));
    }
}
