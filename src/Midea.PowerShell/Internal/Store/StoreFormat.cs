using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Internal.Store;

/// <summary>How the token and key are written to a file.</summary>
internal enum SecretEncoding
{
    /// <summary>Not written at all (Export-MideaDevice without -IncludeSecrets).</summary>
    Omit,
    /// <summary>Plain hex text: the store on Linux and macOS, and exports with -IncludeSecrets.</summary>
    Hex,
    /// <summary>Base64 of a DPAPI blob for the current user: the store on Windows.</summary>
    Dpapi,
}

/// <summary>
/// The XML format of the device store and of Export-MideaDevice backups (the same format, so a
/// backup can be read back or used as a store):
/// <code>
/// &lt;MideaDevices formatVersion="1"&gt;
///   &lt;Device id="…" address="…" port="6444" name="…" serialNumber="…" protocolVersion="3" macAddress="…" savedUtc="…"&gt;
///     &lt;Token encoding="hex|dpapi"&gt;…&lt;/Token&gt;
///     &lt;Key encoding="hex|dpapi"&gt;…&lt;/Key&gt;
///     &lt;PreviousPair replacedUtc="…"&gt;&lt;Token …/&gt;&lt;Key …/&gt;&lt;/PreviousPair&gt;  (newest first, at most a few)
///   &lt;/Device&gt;
/// &lt;/MideaDevices&gt;
/// </code>
/// Unknown elements and attributes are ignored, so a later version can add some.
/// </summary>
internal static class StoreFormat
{
    public const string Root = "MideaDevices";
    public const string Version = "1";
    private const long MaxId = 0xFFFFFFFFFFFFL;

    /// <summary>UTF-8 XML text of <paramref name="devices"/>. The caller should clear the buffer after use: it may hold secrets.</summary>
    /// <exception cref="Win32Exception">DPAPI refused to encrypt.</exception>
    public static byte[] Serialize(IEnumerable<StoredDevice> devices, SecretEncoding secrets)
    {
        var root = new XElement(Root, new XAttribute("formatVersion", Version));
        foreach (StoredDevice d in devices)
        {
            var element = new XElement("Device",
                new XAttribute("id", d.Id.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("address", d.Address),
                new XAttribute("port", d.Port.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("name", d.Name),
                new XAttribute("serialNumber", d.SerialNumber),
                new XAttribute("protocolVersion", d.ProtocolVersion.ToString(CultureInfo.InvariantCulture)));
            if (d.MacAddress != null) element.Add(new XAttribute("macAddress", d.MacAddress));
            element.Add(new XAttribute("type", d.Type));
            element.Add(new XAttribute("savedUtc", d.SavedUtc.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)));
            if (secrets != SecretEncoding.Omit)
            {
                if (d.Token != null) element.Add(SecretElement("Token", d.Token, secrets));
                if (d.Key != null) element.Add(SecretElement("Key", d.Key, secrets));
                foreach (PreviousPair pair in d.PreviousPairs)
                {
                    element.Add(new XElement("PreviousPair",
                        new XAttribute("replacedUtc", pair.ReplacedUtc.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)),
                        SecretElement("Token", pair.Token, secrets), SecretElement("Key", pair.Key, secrets)));
                }
            }
            root.Add(element);
        }
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>The devices in <paramref name="content"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="StoreCorruptException">Anything is wrong; the message says what and where, never a secret.</exception>
    public static List<StoredDevice> Parse(byte[] content, string path, bool isStore)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var stream = new MemoryStream(content, writable: false);
            using XmlReader reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            // The parser's own message can quote file content (a secret, in a damaged file): give the position only.
            string problem = content.Length == 0 ? "the file is empty" : $"it is not well-formed XML (the parser stopped at line {ex.LineNumber}, position {ex.LinePosition})";
            throw new StoreCorruptException(path, problem, isStore);
        }
        XElement root = document.Root!;
        if (root.Name != Root)
            throw new StoreCorruptException(path, $"the root element is '{root.Name.LocalName}', not '{Root}'", isStore);
        string? version = (string?)root.Attribute("formatVersion");
        if (version != Version)
            throw new StoreCorruptException(path, version is null
                ? "the root element has no formatVersion attribute"
                : $"format version '{version}' is not supported by this version of the module (it reads version {Version})", isStore);

        var devices = new List<StoredDevice>();
        var ids = new HashSet<long>();
        int index = 0;
        foreach (XElement element in root.Elements("Device"))
        {
            index++;
            string where = $"device #{index} (line {((IXmlLineInfo)element).LineNumber})";
            StoredDevice device = ParseDevice(element, where, path, isStore);
            if (!ids.Add(device.Id)) throw new StoreCorruptException(path, $"{where}: id {device.Id} appears more than once", isStore);
            devices.Add(device);
        }
        return devices;
    }

    private static StoredDevice ParseDevice(XElement e, string where, string path, bool isStore)
    {
        StoreCorruptException Bad(string problem, Exception? inner = null) => new(path, $"{where}: {problem}", isStore, inner);

        string Required(string name) => (string?)e.Attribute(name) ?? throw Bad($"the attribute '{name}' is missing");

        long ParseLong(string name, long min, long max)
        {
            string text = Required(name);
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
                throw Bad($"{name} '{text}' is not a whole number from {min} to {max}");
            return value;
        }

        var device = new StoredDevice
        {
            Id = ParseLong("id", 1, MaxId),
            Address = Required("address").Trim(),
            Port = (int)ParseLong("port", 1, 65535),
            Name = (string?)e.Attribute("name") ?? "",
            SerialNumber = (string?)e.Attribute("serialNumber") ?? "",
            ProtocolVersion = (int)ParseLong("protocolVersion", 2, 3),
            MacAddress = (string?)e.Attribute("macAddress"),
            // Absent from entries saved before commercial units were driven: those are air conditioners.
            Type = (string?)e.Attribute("type") ?? nameof(Protocol.Appliances.AirConditioner),
        };
        if (Protocol.Appliances.Appliance.TypeOf(device.Type) is null) throw Bad($"type '{device.Type}' is not an appliance type");
        if (device.Address.Length == 0) throw Bad("the address is empty");
        string? saved = (string?)e.Attribute("savedUtc");
        if (saved != null)
        {
            if (!DateTime.TryParse(saved, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime when))
                throw Bad($"savedUtc '{saved}' is not a date and time");
            device.SavedUtc = DateTime.SpecifyKind(when, DateTimeKind.Utc);
        }
        device.Token = ParseSecret(e.Element("Token"), "token", Handshake.TokenSize, Bad);
        device.Key = ParseSecret(e.Element("Key"), "key", Handshake.KeySize, Bad);
        int number = 0;
        foreach (XElement previous in e.Elements("PreviousPair"))
        {
            number++;
            StoreCorruptException BadPair(string problem, Exception? inner = null) => Bad($"previous pair #{number}: {problem}", inner);
            byte[] token = ParseSecret(previous.Element("Token"), "token", Handshake.TokenSize, BadPair) ?? throw BadPair("the token is missing");
            byte[] key = ParseSecret(previous.Element("Key"), "key", Handshake.KeySize, BadPair) ?? throw BadPair("the key is missing");
            string? replaced = (string?)previous.Attribute("replacedUtc");
            DateTime when = DateTime.MinValue;
            if (replaced != null && !DateTime.TryParse(replaced, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out when))
                throw BadPair($"replacedUtc '{replaced}' is not a date and time");
            device.PreviousPairs.Add(new PreviousPair(token, key, DateTime.SpecifyKind(when, DateTimeKind.Utc)));
        }
        return device;
    }

    // Messages name the secret and what is wrong with it, never its content.
    private static byte[]? ParseSecret(XElement? element, string what, int size, Func<string, Exception?, StoreCorruptException> bad)
    {
        if (element is null) return null;
        string encoding = (string?)element.Attribute("encoding") ?? "hex";
        string text = element.Value.Trim();
        byte[] bytes;
        switch (encoding)
        {
            case "hex":
                try
                {
                    bytes = Hex.Decode(text);
                }
                catch (FormatException)
                {
                    // Not kept as the inner exception: its message quotes the offending character of the secret.
                    throw bad($"the {what} is not hex text ({size * 2} hex digits)", null);
                }
                break;
            case "dpapi":
                if (!Dpapi.Available) throw bad($"the {what} is encrypted with Windows DPAPI, which only the Windows user who saved it can read", null);
                byte[] blob;
                try
                {
                    blob = Convert.FromBase64String(text);
                }
                catch (FormatException)
                {
                    // Not kept as the inner exception, for the same reason: nothing of a secret in any message.
                    throw bad($"the encrypted {what} is not base64 text", null);
                }
                try
                {
                    bytes = Dpapi.Unprotect(blob);
                }
                catch (Win32Exception ex)
                {
                    throw bad($"the {what} cannot be decrypted by this Windows user (DPAPI: {ex.Message}); it was saved by another user or on another computer", ex);
                }
                break;
            default:
                throw bad($"the {what} has the unknown encoding '{encoding}'", null);
        }
        if (bytes.Length != size)
        {
            int length = bytes.Length;
            Array.Clear(bytes, 0, bytes.Length);
            throw bad($"the {what} is {length} bytes, not {size} ({size * 2} hex digits)", null);
        }
        return bytes;
    }

    private static XElement SecretElement(string name, byte[] secret, SecretEncoding encoding) => encoding == SecretEncoding.Dpapi
        ? new XElement(name, new XAttribute("encoding", "dpapi"), Convert.ToBase64String(Dpapi.Protect(secret)))
        : new XElement(name, new XAttribute("encoding", "hex"), Hex.Encode(secret));

    /// <summary>How this platform's store keeps secrets: DPAPI on Windows, hex elsewhere.</summary>
    public static SecretEncoding StoreEncoding => Dpapi.Available ? SecretEncoding.Dpapi : SecretEncoding.Hex;

    /// <summary>Ids in <paramref name="devices"/>, for messages.</summary>
    public static string Ids(IEnumerable<StoredDevice> devices) => string.Join(", ", devices.Select(d => d.Id.ToString(CultureInfo.InvariantCulture)));
}
