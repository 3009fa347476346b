using System;
using System.IO;
using System.Linq;
using Midea.PowerShell.Internal.Import;
using static Midea.PowerShell.Tests.Import.ImportFixture;

namespace Midea.PowerShell.Tests.Import;

/// <summary>
/// The module's own CSV and JSON layout (docs/import-formats.md §7), from Fixtures/units*. Addresses
/// are loopback (127.0.0.x) and only read: no test contacts them.
/// </summary>
public class ExportLayoutImportTests
{
    [Theory]
    [InlineData("units.csv", ImportFormat.Csv)]
    [InlineData("units.json", ImportFormat.Json)]
    public void Both_layouts_give_the_V3_unit_the_0xCC_unit_and_the_V2_unit_and_skip_another_type(string file, ImportFormat format)
    {
        ImportResult result = Read(file, format);
        Assert.Equal(new long[] { 123456789012345, 123456789012346, 123456789012347 }, result.Devices.Select(d => d.Device.Id).ToArray());
        StoredDeviceAssert(result);
        Note(result, "0xA1", "skipped");
        Assert.Single(result.Notes);
    }

    private static void StoredDeviceAssert(ImportResult result)
    {
        ImportedDevice ac = Unit(result, 123456789012345);
        Assert.Equal("127.0.0.10", ac.Device.Address);
        Assert.Equal("Living room, east", ac.Device.Name);
        Assert.Equal(3, ac.Device.ProtocolVersion);
        Assert.Equal("AirConditioner", ac.Device.Type);
        AssertPair(ac.Device, AcToken, AcKey);
        ImportedDevice cc = Unit(result, 123456789012346);
        Assert.Equal("CommercialAc", cc.Device.Type);
        AssertPair(cc.Device, CcToken, CcKey);
        ImportedDevice v2 = Unit(result, 123456789012347);
        Assert.Equal(2, v2.Device.ProtocolVersion);
        Assert.Equal(6444, v2.Device.Port);
        AssertNoPair(v2.Device);
    }

    [Fact]
    public void Csv_quotes_and_an_extra_column_read_and_the_source_names_row_and_line()
    {
        ImportResult result = Read("units.csv", ImportFormat.Csv);
        Assert.Equal("Office \"big\" unit", Unit(result, 123456789012346).Device.Name);
        Assert.Equal("row 2 (line 3)", Unit(result, 123456789012346).Source);
        Assert.Null(Unit(result, 123456789012345).Device.MacAddress);
    }

    [Fact]
    public void Windows_PowerShell_csv_with_TYPE_line_semicolons_lowercase_names_and_empty_cells_reads()
    {
        ImportResult result = Read("units-ps51.csv");
        Assert.Equal(ImportFormat.Csv, result.Format);
        ImportedDevice ac = Unit(result, 123456789012345);
        Assert.Equal(6444, ac.Device.Port);
        Assert.Equal(3, ac.Device.ProtocolVersion);
        AssertPair(ac.Device, AcToken, AcKey);
        ImportedDevice v2 = Unit(result, 123456789012347);
        Assert.Equal(6445, v2.Device.Port);
        Assert.Equal(2, v2.Device.ProtocolVersion);
        Assert.Equal("row 2 (line 4)", v2.Source);
    }

    [Fact]
    public void A_csv_token_with_a_bad_character_fails_the_file_naming_the_row()
    {
        ImportFormatException ex = Fails("units-bad-token.csv", ImportFormat.Csv);
        Assert.Equal("row 2 (line 3)", ex.Entry);
        Assert.Contains("Token contains a character that is not a hex digit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_pasted_into_the_json_Id_fails_without_the_token_in_the_message()
    {
        ImportFormatException ex = Fails("units-bad-id.json", ImportFormat.Json);
        Assert.Equal("item #2", ex.Entry);
        Assert.Contains("the Id is not a whole number", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Id,Address,Token\n123456789012345,127.0.0.10," + AcToken + "\n", "row 1 (line 2)", "a token but no key")]
    [InlineData("Id,Address,Key\n123456789012345,127.0.0.10," + AcKey + "\n", "row 1 (line 2)", "a key but no token")]
    [InlineData("Id,Address\n281474976710656,127.0.0.10\n", "row 1 (line 2)", "outside 1 to 281474976710655")]
    [InlineData("Id,Address\n0,127.0.0.10\n", "row 1 (line 2)", "outside 1 to 281474976710655")]
    [InlineData("Id,Address\n123456789012345,\n", "row 1 (line 2)", "no Address")]
    [InlineData("Id,Address,Port\n123456789012345,127.0.0.10,70000\n", "row 1 (line 2)", "Port is not a whole number from 1 to 65535")]
    [InlineData("Id,Address,ProtocolVersion\n123456789012345,127.0.0.10,1\n", "row 1 (line 2)", "ProtocolVersion is not a whole number from 2 to 3")]
    [InlineData("Id,Address,Type\n123456789012345,127.0.0.10,Fridge\n", "row 1 (line 2)", "Type is not AirConditioner")]
    [InlineData("Id,Address\n123456789012345\n", "row 1 (line 2)", "1 fields, and the header has 2")]
    [InlineData("Id,Address,Name\n123456789012345,127.0.0.10,\"open\n", "line 2", "never ends")]
    [InlineData("Id,Address,id\n1,127.0.0.10,2\n", "the header (line 1)", "Id appears twice")]
    [InlineData("Name,Address\nx,127.0.0.10\n", "the header (line 1)", "no Id column")]
    public void A_malformed_csv_row_fails_the_file_naming_it(string content, string entry, string problem)
    {
        using var folder = new TempFolder();
        string path = folder.Combine("units.csv");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.Csv));
        Assert.Equal(entry, ex.Entry);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex, content);
    }

    [Fact]
    public void A_json_object_with_one_name_in_two_cases_is_refused()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("units.json");
        File.WriteAllText(path, "[{\"Id\":1,\"id\":2,\"Address\":\"127.0.0.10\"}]");
        var ex = Assert.Throws<ImportFormatException>(() => ImportReader.Read(path, ImportFormat.Json));
        Assert.Contains("Id twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_named_twice_is_imported_once_preferring_the_entry_with_a_pair()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("units.json");
        File.WriteAllText(path,
            "[{\"Id\":123456789012345,\"Address\":\"127.0.0.10\"}," +
            $"{{\"Id\":123456789012345,\"Address\":\"127.0.0.15\",\"Token\":\"{AcToken}\",\"Key\":\"{AcKey}\"}}," +
            $"{{\"Id\":123456789012345,\"Address\":\"127.0.0.16\",\"Token\":\"{CcToken}\",\"Key\":\"{CcKey}\"}}]");
        ImportResult result = ImportReader.Read(path, ImportFormat.Json);
        ImportedDevice unit = Assert.Single(result.Devices);
        Assert.Equal("127.0.0.15", unit.Device.Address);
        AssertPair(unit.Device, AcToken, AcKey);
        Assert.Equal(2, result.Notes.Count);
        Note(result, "item #1", "item #2", "has a token and key");
        Note(result, "item #3", "again", "differ");
        Assert.All(result.Notes, n => Assert.DoesNotContain(AcToken.Substring(0, 12), n, StringComparison.Ordinal));
    }
}
