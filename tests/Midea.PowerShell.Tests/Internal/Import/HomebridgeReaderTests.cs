using System;
using System.IO;
using System.Linq;
using Midea.PowerShell.Internal.Import;
using static Midea.PowerShell.Tests.Import.ImportFixture;

namespace Midea.PowerShell.Tests.Import;

/// <summary>
/// Homebridge config.json with a midea-platform block (docs/import-formats.md §6), from
/// Fixtures/homebridge-*.json. Addresses are loopback (127.0.0.x) and only read: no test contacts them.
/// </summary>
public class HomebridgeReaderTests
{
    private static readonly ImportResult Config = Read("homebridge-config.json", ImportFormat.Homebridge);

    [Fact]
    public void An_air_conditioner_with_ip_token_and_key_is_a_V3_unit_on_port_6444()
    {
        ImportedDevice unit = Unit(Config, 123456789012345);
        Assert.Equal("127.0.0.10", unit.Device.Address);
        Assert.Equal(6444, unit.Device.Port);
        Assert.Equal(3, unit.Device.ProtocolVersion);
        Assert.Equal("AirConditioner", unit.Device.Type);
        Assert.Equal("Living room AC", unit.Device.Name);
        AssertPair(unit.Device, HbAcToken, HbAcKey);
        Assert.Equal("device \"Living room AC\" (platforms[1].devices[0])", unit.Source);
    }

    [Fact]
    public void An_MDV_WiFi_Controller_is_a_commercial_unit()
    {
        ImportedDevice unit = Unit(Config, 123456789012346);
        Assert.Equal("CommercialAc", unit.Device.Type);
        AssertPair(unit.Device, HbCcToken, HbCcKey);
    }

    [Fact]
    public void An_air_conditioner_without_token_is_V2_with_a_note()
    {
        ImportedDevice unit = Unit(Config, 123456789012347);
        Assert.Equal(2, unit.Device.ProtocolVersion);
        AssertNoPair(unit.Device);
        Note(Config, "device \"Bedroom AC (V2)\"", "123456789012347", "version 2");
    }

    [Fact]
    public void A_dehumidifier_is_skipped_with_a_note_naming_its_type()
    {
        Assert.DoesNotContain(Config.Devices, d => d.Device.Id == 123456789012348);
        Note(Config, "device \"Basement\" (platforms[1].devices[3])", "\"Dehumidifier\"", "skipped");
    }

    [Fact]
    public void Units_without_ip_come_apart_with_everything_but_the_address()
    {
        Assert.Equal(new long[] { 123456789012361, 123456789012362 }, Config.WithoutAddress.Select(d => d.Device.Id).ToArray());
        ImportedDevice kitchen = Config.WithoutAddress[0];
        Assert.Equal("", kitchen.Device.Address);
        Assert.Equal(6444, kitchen.Device.Port);
        Assert.Equal(3, kitchen.Device.ProtocolVersion);
        AssertPair(kitchen.Device, HbNoIpToken, HbNoIpKey);
        ImportedDevice bare = Config.WithoutAddress[1];
        Assert.Equal("device platforms[1].devices[5]", bare.Source);
        Assert.Equal(2, bare.Device.ProtocolVersion);
        string note = ImportResult.NoAddressNote(kitchen);
        Assert.Contains("123456789012361", note, StringComparison.Ordinal);
        Assert.Contains(kitchen.Source, note, StringComparison.Ordinal);
        Assert.Equal(3, Config.Devices.Count);
        // Bedroom and the bare unit have no pair; the dehumidifier is skipped.
        Assert.Equal(3, Config.Notes.Count);
    }

    [Fact]
    public void A_key_of_60_digits_fails_the_file_naming_the_device()
    {
        ImportFormatException ex = Fails("homebridge-bad-key.json", ImportFormat.Homebridge);
        Assert.Equal("device \"Living room AC\" (platforms[1].devices[0])", ex.Entry);
        Assert.Contains("advanced_options.key has 60 hex digits, not 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_without_the_plugin_imports_nothing_with_a_note_and_one_without_platforms_is_an_error()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("config.json");
        File.WriteAllText(path, "{\"bridge\":{\"name\":\"Homebridge\"},\"platforms\":[{\"platform\":\"config\"}]}");
        ImportResult result = ImportReader.Read(path, ImportFormat.Auto);
        Assert.Equal(ImportFormat.Homebridge, result.Format);
        Assert.Empty(result.Devices);
        Assert.Contains("midea-platform", Assert.Single(result.Notes), StringComparison.Ordinal);

        File.WriteAllText(path, "{\"bridge\":{\"name\":\"Homebridge\"}}");
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.Homebridge));
        Assert.Contains("platforms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alias_prefixed_with_the_plugin_name_is_the_same_block()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("config.json");
        File.WriteAllText(path, "{\"platforms\":[{\"platform\":\"homebridge-midea-platform.midea-platform\",\"devices\":[{\"id\":123456789012345,\"type\":\"Air Conditioner\",\"advanced_options\":{\"ip\":\"127.0.0.10\"}}]}]}");
        Assert.Equal(123456789012345, Assert.Single(ImportReader.Read(path, ImportFormat.Homebridge).Devices).Device.Id);
    }
}
