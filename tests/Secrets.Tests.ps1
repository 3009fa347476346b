# Token and key never reach an output stream, an error or a default view. 127.0.5.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $v3 = Start-MideaSimulator -Address 127.0.5.10 -ProtocolVersion 3
    $other = Start-MideaSimulator -Address 127.0.5.11 -ProtocolVersion 3
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Secrets' {
    It 'keeps the token and key out of every stream, with -Verbose and -Debug' {
        $DebugPreference = 'Continue'
        $captured = & {
            Find-MideaDevice -Address 127.0.5.10 -Verbose | Get-MideaState -Token $v3.Token -Key $v3.Key -Verbose -Debug | Format-List * | Out-String
            Set-MideaState -Address 127.0.5.10 -Token $v3.Token -Key $v3.Key -Power $true -PassThru -Verbose -Debug | Format-Table | Out-String
            Get-MideaState -Address 127.0.5.10 -Token $other.Token -Key $other.Key -Verbose -Debug -ErrorAction Continue
        } *>&1 | Out-String
        $captured | Should -Match 'Handshake'
        $captured | Should -Not -Match $v3.Token
        $captured | Should -Not -Match $v3.Key
        $captured | Should -Not -Match $other.Token
        $captured | Should -Not -Match $other.Key
    }

    It 'shows no credentials in the default view of a device that carries them' {
        $device = Find-MideaDevice -Address 127.0.5.10
        $device.Token = ConvertTo-SecureString $v3.Token -AsPlainText -Force
        $text = $device | Out-String
        $text | Should -Not -Match $v3.Token
        $text | Should -Not -Match 'Token'
    }

    It 'shows no credentials in the simulator table' {
        ($v3 | Out-String) | Should -Not -Match $v3.Token
    }
}
