@{
    RootModule             = 'Midea.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'f4b7b203-7380-49f7-b61d-32e135daccee'
    Author                 = 'Midea module contributors'
    CompanyName            = 'Midea module contributors'
    Copyright              = '(c) 2026 Midea module contributors'
    Description            = 'Local-network control of Midea air conditioners (and the brands built on Midea Wi-Fi modules) without the vendor cloud, with a built-in simulator.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions   = @('Desktop', 'Core')
    FormatsToProcess       = @('Midea.Format.ps1xml')
    TypesToProcess         = @('Midea.Types.ps1xml')
    CmdletsToExport        = @(
        'ConvertFrom-MideaPacket'
        'Disconnect-MideaDevice'
        'Export-MideaDevice'
        'Find-MideaDevice'
        'Get-MideaCapability'
        'Get-MideaDevice'
        'Get-MideaOption'
        'Get-MideaState'
        'Get-MideaToken'
        'Import-MideaDevice'
        'New-MideaToken'
        'Remove-MideaDevice'
        'Restore-MideaDevice'
        'Save-MideaDevice'
        'Set-MideaDisplay'
        'Set-MideaOption'
        'Set-MideaSimulator'
        'Set-MideaState'
        'Set-MideaWifi'
        'Start-MideaSimulator'
        'Stop-MideaSimulator'
        'Test-MideaConnection'
        'Watch-MideaState'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Midea', 'HVAC', 'AirConditioner', 'IoT', 'SmartHome', 'Comfee', 'PortaSplit', 'Local', 'Simulator', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/midea-powershell/Midea'
            LicenseUri   = 'https://github.com/midea-powershell/Midea/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md: discovery, state, Wi-Fi provisioning, capabilities and energy, credentials without the cloud, fault-tolerant pipelines, and a built-in simulator.'
        }
    }
}
