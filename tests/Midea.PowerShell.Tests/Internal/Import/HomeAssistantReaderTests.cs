using System;
using System.Linq;
using Midea.PowerShell.Internal.Import;
using static Midea.PowerShell.Tests.Import.ImportFixture;

namespace Midea.PowerShell.Tests.Import;

/// <summary>
/// Home Assistant's core.config_entries and midea_ac_lan device file (docs/import-formats.md §4),
/// from Fixtures/ha-*: entries of midea_ac, midea_ac_lan and midea in current and old layouts,
/// beside entries to pass over. Addresses are loopback (127.0.0.x) and only read: no test contacts them.
/// </summary>
public class HomeAssistantReaderTests
{
    private static readonly ImportResult Entries = Read("ha-core.config_entries", ImportFormat.HomeAssistant);

    [Fact]
    public void A_midea_ac_entry_gives_the_V3_air_conditioner_with_its_token_and_k1()
    {
        ImportedDevice unit = Unit(Entries, 123456789012345);
        Assert.Equal("127.0.0.10", unit.Device.Address);
        Assert.Equal(6444, unit.Device.Port);
        Assert.Equal(3, unit.Device.ProtocolVersion);
        Assert.Equal("AirConditioner", unit.Device.Type);
        AssertPair(unit.Device, AcToken, AcKey);
        Assert.Equal("entry \"midea_ac 123456789012345\" (01J9ZQ4K7M2N8P5R3T6V0W1XAB)", unit.Source);
    }

    [Fact]
    public void A_midea_ac_entry_of_device_type_204_is_a_commercial_unit_and_its_uppercase_hex_reads()
    {
        ImportedDevice unit = Unit(Entries, 123456789012346);
        Assert.Equal("CommercialAc", unit.Device.Type);
        Assert.Equal(3, unit.Device.ProtocolVersion);
        AssertPair(unit.Device, CcToken, CcKey);
    }

    [Fact]
    public void A_midea_ac_entry_with_null_token_and_k1_is_a_V2_unit()
    {
        ImportedDevice unit = Unit(Entries, 123456789012347);
        Assert.Equal(2, unit.Device.ProtocolVersion);
        AssertNoPair(unit.Device);
    }

    [Fact]
    public void An_old_midea_ac_entry_with_a_text_id_no_device_type_and_empty_secrets_reads_as_a_V2_air_conditioner()
    {
        ImportedDevice unit = Unit(Entries, 123456789012349);
        Assert.Equal("127.0.0.14", unit.Device.Address);
        Assert.Equal(6444, unit.Device.Port);
        Assert.Equal("AirConditioner", unit.Device.Type);
        Assert.Equal(2, unit.Device.ProtocolVersion);
        AssertNoPair(unit.Device);
        Assert.Equal("entry \"Bedroom\" (01J9ZQ4K7M2N8P5R3T6V0W1XAE)", unit.Source);
    }

    [Fact]
    public void A_midea_ac_lan_entry_takes_its_address_from_options_before_data_and_keeps_name_mac_and_serial()
    {
        ImportedDevice unit = Unit(Entries, 123456789012350);
        Assert.Equal("127.0.0.21", unit.Device.Address);
        Assert.Equal("Living room AC", unit.Device.Name);
        Assert.Equal("000000P0000000Q10A1B2C3D4E5F0000", unit.Device.SerialNumber);
        Assert.Equal("0a:1b:2c:3d:4e:5f", unit.Device.MacAddress);
        Assert.Equal(3, unit.Device.ProtocolVersion);
        AssertPair(unit.Device, LanToken, LanKey);
    }

    [Fact]
    public void An_old_midea_ac_lan_entry_with_host_and_protocol_2_reads_as_a_V2_unit()
    {
        ImportedDevice unit = Unit(Entries, 123456789012351);
        Assert.Equal("127.0.0.22", unit.Device.Address);
        Assert.Equal(2, unit.Device.ProtocolVersion);
        AssertNoPair(unit.Device);
    }

    [Fact]
    public void A_core_midea_entry_keeps_an_id_at_the_top_of_the_48_bit_range_exactly_and_is_imported_though_disabled()
    {
        ImportedDevice unit = Unit(Entries, 281474976710655);
        Assert.Equal("CommercialAc", unit.Device.Type);
        AssertPair(unit.Device, CoreToken, CoreKey);
        Note(Entries, "entry \"Office CC\" (01J9ZQ4K7M2N8P5R3T6V0W1XAM)", "disabled");
    }

    [Fact]
    public void A_dehumidifier_is_skipped_with_a_note_naming_the_entry_and_its_type_in_hex()
    {
        Assert.DoesNotContain(Entries.Devices, d => d.Device.Id == 123456789012348);
        Note(Entries, "entry \"Dehumidifier\" (01J9ZQ4K7M2N8P5R3T6V0W1XAH)", "0xA1", "skipped");
    }

    [Fact]
    public void An_account_entry_is_skipped_with_a_note_that_names_neither_the_account_nor_the_password()
    {
        string note = Note(Entries, "01J9ZQ4K7M2N8P5R3T6V0W1XAJ", "account");
        Assert.DoesNotContain("someone@example.com", note, StringComparison.Ordinal);
        Assert.DoesNotContain(Entries.Notes, n => n.Contains("horse", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ignored_entry_is_skipped_with_a_note_and_other_integrations_are_passed_over_silently()
    {
        Note(Entries, "entry \"Garage\" (01J9ZQ4K7M2N8P5R3T6V0W1XAK)", "ignored");
        Assert.DoesNotContain(Entries.Devices, d => d.Device.Address == "127.0.0.200");
        Assert.DoesNotContain(Entries.Notes, n => n.Contains("Hue", StringComparison.Ordinal) || n.Contains("01J9ZQ4K7M2N8P5R3T6V0W1XAA", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_unit_comes_once_in_file_order_and_every_note_is_accounted_for()
    {
        Assert.Equal(new long[] { 123456789012345, 123456789012346, 123456789012347, 123456789012349, 123456789012350, 123456789012351, 281474976710655 },
            Entries.Devices.Select(d => d.Device.Id).ToArray());
        Assert.Empty(Entries.WithoutAddress);
        Assert.Equal(4, Entries.Notes.Count);
        Assert.Equal(ImportFormat.HomeAssistant, Entries.Format);
        Assert.Equal(Path("ha-core.config_entries"), Entries.FilePath);
    }

    [Fact]
    public void The_midea_ac_lan_device_file_reads_like_an_entry()
    {
        ImportResult result = Read("ha-midea_ac_lan-device.json", ImportFormat.HomeAssistant);
        ImportedDevice unit = Assert.Single(result.Devices);
        Assert.Equal(123456789012353, unit.Device.Id);
        Assert.Equal("127.0.0.24", unit.Device.Address);
        Assert.Equal("CommercialAc", unit.Device.Type);
        Assert.Equal("Hall CC", unit.Device.Name);
        Assert.Null(unit.Device.MacAddress);
        AssertPair(unit.Device, CcLanToken, CcLanKey);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_token_of_126_digits_fails_the_whole_file_naming_the_entry_and_quoting_nothing()
    {
        ImportFormatException ex = Fails("ha-bad-token.config_entries", ImportFormat.HomeAssistant);
        Assert.Equal("entry \"midea_ac 123456789012345\" (01J9ZQ4K7M2N8P5R3T6V0W1XBA)", ex.Entry);
        Assert.Contains("data.token has 126 hex digits, not 128", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_off_inside_a_token_fails_with_the_line_and_column_only()
    {
        ImportFormatException ex = Fails("ha-truncated.config_entries", ImportFormat.HomeAssistant);
        Assert.Null(ex.Entry);
        Assert.Matches(@"it is not valid JSON \(the parser stopped at line 11, column \d+\)", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void The_same_file_read_with_Auto_gives_the_same_units()
    {
        ImportResult auto = Read("ha-core.config_entries");
        Assert.Equal(ImportFormat.HomeAssistant, auto.Format);
        Assert.Equal(Entries.Devices.Select(d => d.Device.Id), auto.Devices.Select(d => d.Device.Id));
    }
}
