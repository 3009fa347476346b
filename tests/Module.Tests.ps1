BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $cmdlets = Get-Command -Module Midea | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $module = Get-Module Midea
    $base = $module.ModuleBase
}

Describe 'Module layout' {
    It 'ships exactly the expected files' {
        $files = Get-ChildItem $base -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($base, $_.FullName).Replace('\', '/') } | Sort-Object
        $expected = @(
            'Midea.dll', 'Midea.pdb', 'Midea.psd1', 'Midea.Format.ps1xml', 'Midea.Types.ps1xml', 'en-US/Midea.dll-Help.xml', 'en-US/about_Midea.help.txt',
            'dependencies/BouncyCastle.Cryptography.dll', 'dependencies/Midea.Protocol.dll', 'dependencies/Midea.Simulator.dll',
            'dependencies/System.Buffers.dll', 'dependencies/System.Memory.dll', 'dependencies/System.Numerics.Vectors.dll',
            'dependencies/System.Runtime.CompilerServices.Unsafe.dll'
        ) | Sort-Object
        $files | Should -Be $expected
    }

    It 'keeps private assemblies away from Midea.dll' {
        Get-ChildItem $base -Filter *.dll | ForEach-Object Name | Should -Be 'Midea.dll'
    }

    It 'has a dll version equal to the manifest version' {
        $file = [Diagnostics.FileVersionInfo]::GetVersionInfo((Join-Path $base 'Midea.dll'))
        [version]$file.FileVersion | Should -Be ([version]"$($module.Version).0")
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest (Join-Path $base 'Midea.psd1') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'declares what a gallery needs: editions, PowerShell 5.1, author, description, tags, project, licence and release notes' {
        $manifest = Import-PowerShellDataFile (Join-Path $base 'Midea.psd1')
        $manifest.CompatiblePSEditions | Should -Be 'Desktop', 'Core'
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.Author | Should -Not -BeNullOrEmpty
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.FunctionsToExport | Should -HaveCount 0
        $manifest.AliasesToExport | Should -HaveCount 0
        $manifest.VariablesToExport | Should -HaveCount 0
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        $data = $manifest.PrivateData.PSData
        $data.Tags | Should -Contain 'PSEdition_Core'
        $data.ProjectUri | Should -Match '^https://'
        $data.LicenseUri | Should -Match '^https://'
        $data.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'has an about_Midea topic' {
        $topic = Get-Help about_Midea
        "$topic" | Should -Match 'TOKENS AND KEYS'
        "$topic" | Should -Match 'SCHEDULED TASKS AND EXIT CODES'
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile (Join-Path $base 'Midea.psd1')
        (Get-Command -Module Midea).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'loads its private assemblies into the Midea load context' {
        $context = [Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'Midea'
        $context | Should -Not -BeNullOrEmpty
        $context.Assemblies.GetName().Name | Should -Contain 'BouncyCastle.Cryptography'
        $context.Assemblies.GetName().Name | Should -Contain 'Midea.Protocol'
    }
}

Describe 'Cmdlet <Name>' -ForEach $cmdlets {
    BeforeAll { $command = Get-Command $Name }

    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $command.Verb
    }

    It 'declares an output type' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'takes no secret as a plain string parameter' {
        $plain = $command.Parameters.Values | Where-Object { $_.ParameterType -eq [string] -and $_.Name -match 'Password|Psk|Token|Key|Passphrase' }
        $plain | Should -BeNullOrEmpty
    }

    It 'completes every enum and ValidateSet parameter by name' {
        foreach ($parameter in $command.Parameters.Values) {
            $type = [Nullable]::GetUnderlyingType($parameter.ParameterType) ?? $parameter.ParameterType
            $set = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
            $names = if ($type.IsEnum) { [Enum]::GetNames($type) } elseif ($set) { $set.ValidValues } else { continue }
            $line = "$Name -$($parameter.Name) "
            $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            foreach ($value in $names) {
                $value | Should -BeIn $offered -Because "-$($parameter.Name) should offer $value"
            }
        }
    }

    It 'shows no protocol, simulator or BouncyCastle type in its parameters or output' {
        # Those assemblies live in the module's private load context: a type of theirs in a
        # public signature could not be named by users and would break isolation.
        $private = 'Midea.Protocol', 'Midea.Simulator', 'BouncyCastle.Cryptography'
        $types = [System.Collections.Generic.List[type]]::new()
        $command.Parameters.Values | ForEach-Object { $types.Add($_.ParameterType) }
        foreach ($output in $command.OutputType | Where-Object Type) {
            $types.Add($output.Type)
            $output.Type.GetProperties() | ForEach-Object { $types.Add($_.PropertyType) }
        }
        foreach ($type in $types) {
            $parts = @($type) + $type.GetGenericArguments() + @($type.GetElementType() | Where-Object { $_ })
            foreach ($part in $parts) {
                $part.Assembly.GetName().Name | Should -Not -BeIn $private -Because "$($part.FullName) is public in $Name"
            }
        }
    }

    It 'supports -WhatIf if it changes anything' {
        # New-MideaToken only computes a pair in memory, like New-Guid; it changes nothing.
        if ($command.Verb -in 'Set', 'Start', 'Stop', 'New', 'Remove', 'Save', 'Import', 'Export' -and $command.Name -ne 'New-MideaToken') {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
        }
    }
}

Describe 'Formatting' {
    It 'has a default view for <_>' -ForEach 'Midea.MideaDevice', 'Midea.MideaState', 'Midea.MideaSimulator' {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty
    }

    It 'never shows Token or Key in a view' {
        $xml = Get-Content -Raw (Join-Path $base 'Midea.Format.ps1xml')
        $xml | Should -Not -Match '<PropertyName>(Token|Key)</PropertyName>'
    }
}
