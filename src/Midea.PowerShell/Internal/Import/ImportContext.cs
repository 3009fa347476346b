using System;
using System.Collections.Generic;
using System.Linq;
using Midea.PowerShell.Internal.Store;

namespace Midea.PowerShell.Internal.Import;

/// <summary>
/// What one reader gathers while it reads one file: the units, the notes, and the errors it raises
/// (each names this file and format). <see cref="Finish"/> keeps one unit per id.
/// </summary>
internal sealed class ImportContext
{
    private readonly List<ImportedDevice> _devices = new();
    private readonly List<string> _notes = new();

    /// <summary>Creates the context for <paramref name="filePath"/> read as <paramref name="format"/>.</summary>
    /// <param name="filePath">Full path of the file.</param>
    /// <param name="format">The format it is read as (not Auto).</param>
    public ImportContext(string filePath, ImportFormat format)
    {
        FilePath = filePath;
        Format = format;
    }

    /// <summary>Full path of the file.</summary>
    public string FilePath { get; }

    /// <summary>The format the file is read as.</summary>
    public ImportFormat Format { get; }

    /// <summary>The exception for a defect of <paramref name="entry"/> (null: of the whole file); the caller throws it.</summary>
    /// <param name="entry">Which entry, as the file names it; null for the file as a whole.</param>
    /// <param name="problem">What is wrong, never quoting a value that could be a secret.</param>
    public ImportFormatException Error(string? entry, string problem) => new(FilePath, Format, entry, problem);

    /// <summary>Adds a remark: an entry left out and why, or something the user should check.</summary>
    /// <param name="note">One line, never a secret.</param>
    public void Note(string note) => _notes.Add(note);

    /// <summary>Adds a unit; an empty Address puts it in <see cref="ImportResult.WithoutAddress"/>.</summary>
    /// <param name="device">The unit.</param>
    /// <param name="source">Where in the file it came from.</param>
    public void Add(StoredDevice device, string source) => _devices.Add(new ImportedDevice(device, source));

    /// <summary>
    /// The result, with one unit per id: a file can name a unit twice (two Home Assistant
    /// integrations, two discover runs in one log). The first entry with a token and key wins, else
    /// the first; every other one is left out with a note, which says when its pair differs
    /// (docs/import-formats.md §1.4).
    /// </summary>
    public ImportResult Finish()
    {
        var kept = new List<ImportedDevice>();
        var byId = new Dictionary<long, int>();
        foreach (ImportedDevice candidate in _devices)
        {
            if (!byId.TryGetValue(candidate.Device.Id, out int index))
            {
                byId[candidate.Device.Id] = kept.Count;
                kept.Add(candidate);
                continue;
            }
            ImportedDevice first = kept[index];
            if (!first.Device.HasCredentials && candidate.Device.HasCredentials)
            {
                kept[index] = candidate;
                _notes.Add($"{first.Source} and {candidate.Source} both name id {candidate.Device.Id}; {candidate.Source} has a token and key, so it is imported and {first.Source} is left out");
                continue;
            }
            string differs = first.Device.HasCredentials && candidate.Device.HasCredentials && !SamePair(first.Device, candidate.Device)
                ? ", although its token and key differ (only one pair can be right: if the unit refuses the imported one, the other is in the file)"
                : "";
            _notes.Add($"{candidate.Source} names id {candidate.Device.Id} again (as {first.Source} does): left out{differs}");
        }
        return new ImportResult(FilePath, Format,
            kept.Where(d => d.Device.Address.Length > 0).ToList(),
            kept.Where(d => d.Device.Address.Length == 0).ToList(),
            _notes.ToList());
    }

    /// <summary>Overwrites every token and key gathered so far: the file failed and nothing of it is returned.</summary>
    public void Discard()
    {
        foreach (ImportedDevice d in _devices)
        {
            if (d.Device.Token != null) Array.Clear(d.Device.Token, 0, d.Device.Token.Length);
            if (d.Device.Key != null) Array.Clear(d.Device.Key, 0, d.Device.Key.Length);
        }
        _devices.Clear();
        _notes.Clear();
    }

    private static bool SamePair(StoredDevice a, StoredDevice b) =>
        a.Token!.AsSpan().SequenceEqual(b.Token) && a.Key!.AsSpan().SequenceEqual(b.Key);
}
