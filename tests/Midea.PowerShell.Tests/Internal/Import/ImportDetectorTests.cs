using System;
using System.IO;
using System.Linq;
using Midea.PowerShell.Internal.Import;
using Midea.PowerShell.Internal.Store;
using static Midea.PowerShell.Tests.Import.ImportFixture;

namespace Midea.PowerShell.Tests.Import;

/// <summary>
/// Auto: the format comes from the content, never the name (docs/import-formats.md §2); and the
/// module's own XML, which DeviceStore reads (§3). Addresses are loopback (127.0.0.x) and only read: no test contacts them.
/// </summary>
public class ImportDetectorTests
{
    [Theory]
    [InlineData("ha-core.config_entries", ImportFormat.HomeAssistant)]
    [InlineData("ha-midea_ac_lan-device.json", ImportFormat.HomeAssistant)]
    [InlineData("msmart-discover.log", ImportFormat.MsmartNg)]
    [InlineData("msmart-debug.log", ImportFormat.MsmartNg)]
    [InlineData("midea-discover-legacy.log", ImportFormat.MsmartNg)]
    [InlineData("homebridge-config.json", ImportFormat.Homebridge)]
    [InlineData("units.csv", ImportFormat.Csv)]
    [InlineData("units-ps51.csv", ImportFormat.Csv)]
    [InlineData("units.json", ImportFormat.Json)]
    [InlineData("midea-backup.xml", ImportFormat.Midea)]
    public void Each_fixture_is_recognised(string file, ImportFormat expected)
    {
        Assert.Equal(expected, Read(file).Format);
    }

    [Theory]
    [InlineData("ha-core.config_entries", "units.csv")]
    [InlineData("homebridge-config.json", "devices.xml")]
    [InlineData("msmart-discover.log", "config.json")]
    [InlineData("units.csv", "core.config_entries")]
    public void The_name_of_the_file_does_not_matter(string file, string name)
    {
        using var folder = new TempFolder();
        string path = folder.Combine(name);
        File.Copy(Path(file), path);
        Assert.Equal(Read(file).Format, ImportReader.Read(path, ImportFormat.Auto).Format);
    }

    [Fact]
    public void A_UTF16_log_as_Windows_PowerShell_redirects_it_reads()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("units.log");
        File.WriteAllText(path, File.ReadAllText(Path("msmart-discover.log")), System.Text.Encoding.Unicode);
        Assert.Equal(3, ImportReader.Read(path, ImportFormat.Auto).Devices.Count);
    }

    [Theory]
    [InlineData("hello, world\nnothing here\n", "no format")]
    [InlineData("", "empty")]
    [InlineData("<?xml version=\"1.0\"?><Other/>", "root element is not MideaDevices")]
    [InlineData("{\"version\": 1, \"data\": {}}", "JSON, but in no layout")]
    public void A_file_in_no_format_is_an_error_naming_the_file_and_the_formats_read(string content, string why)
    {
        using var folder = new TempFolder();
        string path = folder.Combine("mystery.txt");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.Auto));
        Assert.Equal(ImportFormat.Auto, ex.Format);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        foreach (string format in new[] { "Midea", "HomeAssistant", "MsmartNg", "Homebridge", "Csv", "Json" })
            Assert.Contains(format, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_JSON_is_an_error_with_its_position_and_no_secret()
    {
        var ex = Assert.Throws<ImportFormatException>(() => Read("ha-truncated.config_entries"));
        Assert.Equal(ImportFormat.Auto, ex.Format);
        Assert.Contains("not valid JSON (the parser stopped at line 11", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex, File.ReadAllText(Path("ha-truncated.config_entries")));
    }

    [Theory]
    [InlineData("units.csv", ImportFormat.HomeAssistant, "not valid JSON")]
    [InlineData("homebridge-config.json", ImportFormat.HomeAssistant, "neither data.entries")]
    [InlineData("ha-core.config_entries", ImportFormat.Homebridge, "no platforms array")]
    [InlineData("units.json", ImportFormat.Homebridge, "not a JSON object")]
    [InlineData("homebridge-config.json", ImportFormat.Json, "not a JSON array")]
    [InlineData("msmart-discover.log", ImportFormat.Csv, "no Id column")]
    [InlineData("units.csv", ImportFormat.MsmartNg, "no \"Found device:\" line")]
    [InlineData("units.csv", ImportFormat.Midea, "not well-formed XML")]
    public void A_file_read_as_another_format_than_its_own_is_an_error_saying_why(string file, ImportFormat format, string why)
    {
        ImportFormatException ex = Fails(file, format);
        Assert.Equal(format, ex.Format);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"version\":1,\"key\":\"core.config_entries\",\"data\":{}}", "no data.entries array")]
    [InlineData("{\"version\":1,\"key\":\"core.device_registry\",\"data\":{\"devices\":[]}}", "not core.config_entries")]
    [InlineData("{\"data\":{\"entries\":[42]}}", "entry #1: it is not a JSON object")]
    [InlineData("{\"data\":{\"entries\":[{\"domain\":\"midea_ac\",\"title\":\"t\",\"entry_id\":\"e\"}]}}", "entry \"t\" (e): it has no data object")]
    [InlineData("{\"device_id\":1.5,\"type\":172,\"protocol\":2,\"ip_address\":\"127.0.0.10\"}", "the device file: the device_id is not a whole number")]
    public void A_home_assistant_file_of_the_wrong_shape_says_what_is_missing(string content, string why)
    {
        using var folder = new TempFolder();
        string path = folder.Combine("core.config_entries");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.HomeAssistant));
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_s_own_backup_reads_through_the_device_store_code()
    {
        ImportResult result = Read("midea-backup.xml", ImportFormat.Midea);
        Assert.Equal(new long[] { 123456789012345, 123456789012346, 123456789012347 }, result.Devices.Select(d => d.Device.Id).ToArray());
        AssertPair(Unit(result, 123456789012345).Device, AcToken, AcKey);
        Assert.Equal("CommercialAc", Unit(result, 123456789012346).Device.Type);
        Assert.Equal(2, Unit(result, 123456789012347).Device.ProtocolVersion);
        Assert.Equal("device #1", result.Devices[0].Source);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_damaged_backup_fails_as_every_other_format_does_with_the_store_s_reason_inside()
    {
        ImportFormatException ex = Fails("midea-bad-key.xml", ImportFormat.Auto);
        Assert.Equal(ImportFormat.Midea, ex.Format);
        Assert.IsType<StoreCorruptException>(ex.InnerException);
        Assert.Contains("the key is 31 bytes, not 32", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ha-core.config_entries")]
    [InlineData("msmart-discover.log")]
    [InlineData("midea-discover-legacy.log")]
    [InlineData("homebridge-config.json")]
    [InlineData("units.csv")]
    [InlineData("units.json")]
    public void No_note_or_source_quotes_a_secret(string file)
    {
        ImportResult result = Read(file);
        string said = string.Join("\n", result.Notes.Concat(result.Devices.Concat(result.WithoutAddress).Select(d => d.Source)));
        AssertNoSecret(new InvalidOperationException(said), File.ReadAllText(Path(file)));
    }

    [Fact]
    public void The_secret_check_itself_finds_a_quoted_piece_of_a_secret()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoSecret(new InvalidOperationException("near " + AcToken.Substring(40, 12).ToUpperInvariant()), AcToken));
    }

    [Fact]
    public void A_missing_file_is_not_a_format_error()
    {
        using var folder = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => ImportReader.Read(folder.Combine("absent.json"), ImportFormat.Auto));
        Assert.Throws<FileNotFoundException>(() => ImportReader.Read(folder.Combine("absent.xml"), ImportFormat.Midea));
    }
}
