using Midea.Protocol;

namespace Midea.PowerShell.Internal;

/// <summary>A value the unit's capabilities rule out; refused before anything is changed.</summary>
internal sealed class UnsupportedValueException : MideaException
{
    public UnsupportedValueException(string message) : base(message) { }
}
