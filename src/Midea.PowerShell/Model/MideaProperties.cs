namespace Midea;

/// <summary>Feature settings read with GetProperties (B1); null where the unit has no such feature or did not say.</summary>
public sealed class MideaProperties
{
    /// <summary>Fixed vertical louver position.</summary>
    public SwingAngle? VerticalSwingAngle { get; internal set; }
    /// <summary>Fixed horizontal louver position.</summary>
    public SwingAngle? HorizontalSwingAngle { get; internal set; }
    /// <summary>Breeze mode: one setting on the unit, of which Breezeless and IndirectWind are two views.</summary>
    public BreezeSetting? Breeze { get; internal set; }
    /// <summary>
    /// Breezeless on (property 0x18, or breeze mode Breezeless through 0x43), as other clients show it; null when
    /// the unit has no breezeless mode.
    /// </summary>
    public bool? Breezeless { get; internal set; }
    /// <summary>
    /// Indirect wind on: air led away from people (midea-local's name for property 0x42, msmart's breeze away, or
    /// breeze mode BreezeAway through 0x43); null when the unit has no breeze away.
    /// </summary>
    public bool? IndirectWind { get; internal set; }
    /// <summary>A self-clean cycle is running.</summary>
    public bool? SelfClean { get; internal set; }
    /// <summary>iECO on.</summary>
    public bool? IEco { get; internal set; }
    /// <summary>Power limit.</summary>
    public RateSelect? RateSelect { get; internal set; }
    /// <summary>Fresh-air fan.</summary>
    public FreshAirSpeed? FreshAir { get; internal set; }
    /// <summary>Cascade airflow.</summary>
    public CascadeMode? Cascade { get; internal set; }
    /// <summary>Flash cooling on.</summary>
    public bool? Flash { get; internal set; }
    /// <summary>Quiet outdoor unit on.</summary>
    public bool? OutSilent { get; internal set; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var set = new System.Collections.Generic.List<string>();
        void Add(string name, object? value)
        {
            if (value != null) set.Add($"{name}={value}");
        }
        Add(nameof(VerticalSwingAngle), VerticalSwingAngle);
        Add(nameof(HorizontalSwingAngle), HorizontalSwingAngle);
        Add(nameof(Breeze), Breeze);
        Add(nameof(Breezeless), Breezeless);
        Add(nameof(IndirectWind), IndirectWind);
        Add(nameof(SelfClean), SelfClean);
        Add(nameof(IEco), IEco);
        Add(nameof(RateSelect), RateSelect);
        Add(nameof(FreshAir), FreshAir);
        Add(nameof(Cascade), Cascade);
        Add(nameof(Flash), Flash);
        Add(nameof(OutSilent), OutSilent);
        return string.Join(", ", set);
    }
}

/// <summary>The outcome of setting one property; a failed property does not stop the others.</summary>
public sealed class MideaPropertyResult
{
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>Property name.</summary>
    public string Property { get; internal set; } = "";
    /// <summary>The value asked for.</summary>
    public object? Value { get; internal set; }
    /// <summary>True when the unit applied it.</summary>
    public bool Success { get; internal set; }
    /// <summary>The unit's result byte (0 = applied; 0x10 bit = failed).</summary>
    public int ResultCode { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Property}={Value}: {(Success ? "applied" : "refused")}";
}
