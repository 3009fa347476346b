# Failures map to stable ErrorIds, name the device, and leave the pipeline running. 127.0.3.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $v2 = Start-MideaSimulator -Address 127.0.3.10 -ProtocolVersion 2
    $v3 = Start-MideaSimulator -Address 127.0.3.11 -ProtocolVersion 3
    $other = Start-MideaSimulator -Address 127.0.3.12 -ProtocolVersion 3
    $manifest = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'

    # Starts $Script in its own runspace, lets it block for 1.5 s, then stops it and returns
    # how long Stop() took. Stop() only returns once the pipeline has ended.
    function Measure-Stop([string] $Script) {
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; $Script")
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $async.IsCompleted | Should -BeTrue
            $watch.Elapsed.TotalSeconds
        }
        finally {
            $ps.Dispose()
        }
    }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Errors' {
    It 'reports a wrong token as AuthenticationFailed' {
        $result = Get-MideaState -Address 127.0.3.11 -Token $other.Token -Key $other.Key -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,Midea.PowerShell.Cmdlets.GetMideaStateCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failures[0].TargetObject | Should -Be '127.0.3.11'
    }

    It 'reports a right token with the wrong key as AuthenticationFailed' {
        Get-MideaState -Address 127.0.3.11 -Token $v3.Token -Key $other.Key -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
    }

    It 'reports a V3 unit without credentials as AuthenticationFailed' {
        Get-MideaState -Address 127.0.3.11 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $failures[0].Exception.Message | Should -Match 'Token'
    }

    It 'reports a malformed key as InvalidArgument without echoing it' {
        Get-MideaState -Address 127.0.3.11 -Token $v3.Token -Key 'abc123' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        $failures[0].Exception.Message | Should -Not -Match 'abc123'
    }

    It 'reports an address where nothing listens as DeviceUnreachable within the timeout' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Get-MideaState -Address 127.0.3.99 -Id 1 -ProtocolVersion 2 -TimeoutSeconds 3 -ErrorVariable failures -ErrorAction SilentlyContinue
        $watch.Stop()
        $failures[0].FullyQualifiedErrorId | Should -Be 'DeviceUnreachable,Midea.PowerShell.Cmdlets.GetMideaStateCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failures[0].TargetObject | Should -Be '127.0.3.99'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 4
    }

    It 'reports an address that does not answer discovery as DeviceUnreachable within the timeout' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Get-MideaState -Address 127.0.3.98 -TimeoutSeconds 2 -ErrorVariable failures -ErrorAction SilentlyContinue
        $watch.Stop()
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 4
    }

    It 'goes on with the next device after a failure' {
        $results = '127.0.3.99', '127.0.3.10' | Get-MideaState -TimeoutSeconds 2 -ErrorVariable failures -ErrorAction SilentlyContinue
        $results | Should -HaveCount 1
        $results.Address | Should -Be '127.0.3.10'
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -Be '127.0.3.99'
    }

    It 'ends an unattended script with a clear error under ErrorAction Stop' {
        $child = "Import-Module '$manifest'; `$ErrorActionPreference = 'Stop'; Get-MideaState -Address 127.0.3.97 -Id 1 -ProtocolVersion 2; 'not reached'"
        $output = dotnet pwsh -NoProfile -NonInteractive -Command $child 2>&1
        $LASTEXITCODE | Should -Not -Be 0
        ($output -join "`n") | Should -Not -Match 'not reached'
        ($output -join "`n") | Should -Match '127\.0\.3\.97'
    }

    It 'refuses to start a simulator on a non-loopback address' {
        # Built from octets and only parsed: the cmdlet refuses it before any socket exists.
        $notLoopback = (10, 1, 2, 3) -join '.'
        { Start-MideaSimulator -Address $notLoopback } | Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.StartMideaSimulatorCommand'
    }
}

Describe 'A peer that accepts but never answers' {
    BeforeAll {
        # The kernel completes the TCP handshake from the backlog; nothing ever reads or replies.
        $silent = [Net.Sockets.TcpListener]::new([ipaddress]'127.0.3.50', 6444)
        $silent.Start()
    }

    AfterAll {
        $silent.Stop()
    }

    It 'gives DeviceTimeout within the timeout' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Get-MideaState -Address 127.0.3.50 -Id 1 -ProtocolVersion 2 -TimeoutSeconds 2 -ErrorVariable failures -ErrorAction SilentlyContinue
        $watch.Stop()
        $failures[0].FullyQualifiedErrorId | Should -Be 'DeviceTimeout,Midea.PowerShell.Cmdlets.GetMideaStateCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject | Should -Be '127.0.3.50'
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 4
    }

    It 'stops within 2 s when the pipeline is stopped mid-wait' {
        Measure-Stop "Get-MideaState -Address 127.0.3.50 -Id 1 -ProtocolVersion 3 -Token ('00' * 64) -Key ('00' * 32) -TimeoutSeconds 60" |
            Should -BeLessThan 2
    }
}

Describe 'Cancellation' {
    It 'stops promptly when the pipeline is stopped during discovery' {
        # Not a speed test: without cancellation Stop() would wait out the 60 s discovery.
        Measure-Stop 'Find-MideaDevice -Address 127.0.3.96 -TimeoutSeconds 60' | Should -BeLessThan 2
    }
}
