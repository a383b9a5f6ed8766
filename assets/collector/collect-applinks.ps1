<#
.SYNOPSIS
  Saves what one Atlassian server answers about its application links, for Applink Advisor to import on
  an offline workstation. Written by `applink-advisor collector`; how to use it: docs/collecting.md.

.DESCRIPTION
  READ-ONLY: it sends GET requests and nothing else, so it changes nothing on the server.
  Runs on Windows PowerShell 5.1 and PowerShell 7, with no modules.

  Credentials (never on the command line, never written to disk, never echoed):
    APPLINKS_TOKEN                      a personal access token of an administrator (sent as Bearer)
    APPLINKS_USER + APPLINKS_PASSWORD   an administrator's user name and password (Basic)
    neither: asked for when a console is attached.
  TLS certificates are always verified, against the system's trusted certificates (see docs/collecting.md
  for an internal CA). APPLINKS_ALLOW_HTTP=1 allows a plain http:// BaseUrl - for testing against a local
  stand-in only: it sends the credentials unencrypted.

  Exit status: 0 collected; 2 wrong usage or settings; 3 the server refused the credentials (401/403);
  4 the server could not be reached or its certificate is not trusted.

.EXAMPLE
  $env:APPLINKS_TOKEN = Read-Host -Prompt 'Token'
  .\collect-applinks.ps1 -BaseUrl https://jira.example.com -OutDir .\applinks-export
#>
[CmdletBinding()]
param(
  [Parameter(Mandatory = $true)][string]$BaseUrl,
  [Parameter(Mandatory = $true)][string]$OutDir
)
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$CollectorVersion = 1
# The field names and values Applink Advisor's importer removes (shared/import/secrets.ts); keep in step.
$SecretNames = 'pass(word|wd|phrase)?$|secret|token|private.?key|credential|api.?key|^auth(orization)?$|^cookie$|^session'
$SecretValues = @(
  '-----BEGIN [A-Z ]*PRIVATE KEY-----',
  '(?i)^Bearer\s+\S{8,}',
  '(?i)^Basic\s+[A-Za-z0-9+/=]{8,}$',
  '^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$',
  '^(ATATT|ATCTT|BBDC-|NjU|MD)[A-Za-z0-9+/=_-]{20,}$'
)

function Say([string]$Text) { [Console]::Error.WriteLine($Text) }

if ($PSVersionTable.PSVersion.Major -lt 6) {
  # Windows PowerShell 5.1: allow TLS 1.2, and serialise arrays as arrays (its Array type data adds "Count").
  [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
  Remove-TypeData System.Array -ErrorAction SilentlyContinue
}

$BaseUrl = $BaseUrl.TrimEnd('/')
if ($BaseUrl.Contains('@')) {
  Say 'The URL must not hold a user name or password: give them in APPLINKS_USER and APPLINKS_PASSWORD (or APPLINKS_TOKEN).'
  exit 2
}
if ($BaseUrl -notmatch '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$') {
  Say "`"$BaseUrl`" is not a base URL this script accepts: expected e.g. https://jira.example.com or https://tools.example.com:8443/wiki"
  exit 2
}
if ($BaseUrl -match '^http://' -and $env:APPLINKS_ALLOW_HTTP -ne '1') {
  Say "$BaseUrl is plain http: the credentials would cross the network unencrypted. Use the https:// address."
  Say '(APPLINKS_ALLOW_HTTP=1 allows http for testing against a local stand-in only.)'
  exit 2
}
if ($env:APPLINKS_CACERT) {
  # PowerShell verifies certificates against the system's trust store and has no per-request CA option;
  # verification is never switched off, so the CA must be trusted there.
  Say "APPLINKS_CACERT is set, but PowerShell checks certificates against the system's trusted certificates only."
  Say "Trust your internal CA for your account once (Windows):  Import-Certificate -FilePath $($env:APPLINKS_CACERT) -CertStoreLocation Cert:\CurrentUser\Root"
  Say '(on Linux or macOS, add it to the system trust store), then run again without APPLINKS_CACERT - or use collect-applinks.sh, which takes APPLINKS_CACERT.'
  exit 2
}

$Headers = @{ Accept = 'application/json' }
if ($env:APPLINKS_TOKEN) {
  $Headers.Authorization = 'Bearer ' + $env:APPLINKS_TOKEN
} elseif ($env:APPLINKS_USER -and $env:APPLINKS_PASSWORD) {
  $Headers.Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($env:APPLINKS_USER + ':' + $env:APPLINKS_PASSWORD))
} elseif ([Environment]::UserInteractive -and -not [Console]::IsInputRedirected) {
  $User = $env:APPLINKS_USER
  if (-not $User) { $User = Read-Host 'Administrator user name (leave empty to give a personal access token)' }
  $Prompt = if ($User) { "Password for $User (not shown)" } else { 'Personal access token (not shown)' }
  $Secure = Read-Host -AsSecureString -Prompt $Prompt
  $Pointer = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($Secure)
  try { $Plain = [Runtime.InteropServices.Marshal]::PtrToStringBSTR($Pointer) } finally { [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($Pointer) }
  if ($User) {
    $Headers.Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($User + ':' + $Plain))
  } else {
    $Headers.Authorization = 'Bearer ' + $Plain
  }
  Remove-Variable Plain
} else {
  Say 'No credentials: set APPLINKS_TOKEN (a personal access token), or APPLINKS_USER and APPLINKS_PASSWORD, or run the script in a console to be asked.'
  exit 2
}

# The folder is named for the server: host, then port and context path if any (tools.example.com_8443_wiki).
$HostDir = (($BaseUrl -replace '^https?://', '') -replace '[:/]+', '_').TrimEnd('_')
$Target = Join-Path $OutDir $HostDir
if (Test-Path -LiteralPath $Target) {
  Say "$Target already exists; nothing was collected. Choose another OutDir, or move the earlier collection away."
  exit 2
}
New-Item -ItemType Directory -Path $Target -Force | Out-Null

$Started = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ')
$Calls = New-Object System.Collections.ArrayList
$Scrubbed = New-Object System.Collections.ArrayList
$script:Saved = 0
$script:Removed = 0

function Write-Utf8([string]$Path, [string]$Text) {
  [IO.File]::WriteAllText($Path, $Text + "`n", (New-Object Text.UTF8Encoding $false))
}

function Write-Collection([string]$Stopped) {
  $stoppedValue = $null
  if ($Stopped) { $stoppedValue = $Stopped }
  $record = [ordered]@{
    format = 'applink-advisor.collection'
    collectorVersion = $CollectorVersion
    collector = 'collect-applinks.ps1'
    server = $BaseUrl
    startedAt = $Started
    finishedAt = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ')
    sensitiveFieldsRemovedBy = 'collect-applinks.ps1'
    sensitiveFieldsRemovedFrom = $Scrubbed.ToArray()
    mayStillHoldSensitiveFields = @()
    stopped = $stoppedValue
    calls = $Calls.ToArray()
  }
  Write-Utf8 (Join-Path $Target 'collection.json') (ConvertTo-Json -InputObject $record -Depth 10)
}

function Add-Note([string]$Path, [int]$Status, [string]$File, [string]$Note) {
  $entry = [ordered]@{ path = $Path; status = $Status }
  if ($File) { $entry.file = $File }
  if ($Note) { $entry.note = $Note }
  [void]$Calls.Add($entry)
}

function Test-SecretValue($Value) {
  if (-not ($Value -is [string])) { return $false }
  foreach ($pattern in $SecretValues) { if ($Value -cmatch $pattern) { return $true } }
  return $false
}

# A copy of parsed JSON without the fields and values the importer would remove.
function Remove-Secrets($Node) {
  if ($null -eq $Node -or $Node -is [string] -or $Node -is [ValueType]) { return $Node }
  if ($Node -is [System.Collections.IList]) {
    $list = New-Object System.Collections.ArrayList
    foreach ($child in $Node) {
      if (Test-SecretValue $child) { $script:Removed++; continue }
      [void]$list.Add((Remove-Secrets $child))
    }
    return , $list.ToArray()
  }
  $out = [ordered]@{}
  foreach ($property in $Node.PSObject.Properties) {
    $name = $property.Name
    $value = $property.Value
    if ($name -match '^public.?key$') { continue }
    $empty = ($null -eq $value) -or ($value -is [string] -and $value -eq '') -or ($value -is [bool] -and -not $value)
    if (($name -match $SecretNames) -and -not $empty) { $script:Removed++; continue }
    if (Test-SecretValue $value) { $script:Removed++; continue }
    $out[$name] = Remove-Secrets $value
  }
  return $out
}

function Get-Property($Object, [string]$Name) {
  if ($null -eq $Object -or $Object -is [string] -or $Object -is [ValueType]) { return $null }
  if ($Object -is [System.Collections.IDictionary]) { if ($Object.Contains($Name)) { return $Object[$Name] } else { return $null } }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return $property.Value }
  return $null
}

function Stop-Refused([string]$Path, [int]$Status) {
  if ($Status -eq 401) {
    Say "The server did not accept the credentials (HTTP 401 for $Path). Check APPLINKS_TOKEN, or APPLINKS_USER and APPLINKS_PASSWORD. Nothing more was collected."
  } else {
    Say "The server refused $Path (HTTP 403): the user must be an administrator (the applicationlink resources also ask for WebSudo; an administrator's personal access token avoids it). Nothing more was collected."
  }
  Add-Note $Path $Status '' 'refused: collection stopped'
  Write-Collection "refused with HTTP $Status"
  exit 3
}

# GET one path: @{ Status; Body }. Stops on a network or certificate failure.
function Get-Answer([string]$Path) {
  try {
    $response = Invoke-WebRequest -Uri ($BaseUrl + $Path) -Headers $Headers -Method Get -UseBasicParsing -MaximumRedirection 0 -TimeoutSec 120
    $body = $response.Content
    if ($body -is [byte[]]) { $body = [Text.Encoding]::UTF8.GetString($body) }
    return @{ Status = [int]$response.StatusCode; Body = [string]$body }
  } catch {
    $exception = $_.Exception
    $inner = $exception.PSObject.Properties['Response']
    if ($inner -and $inner.Value) { return @{ Status = [int]$inner.Value.StatusCode; Body = '' } }
    $text = $exception.Message
    if ($exception.InnerException) { $text = "$text ($($exception.InnerException.Message))" }
    if ($text -match 'SSL|TLS|certificate|trust relationship') {
      Say "${BaseUrl}: the server's TLS certificate could not be verified ($text)."
      Say 'If it is signed by an internal CA, trust that CA on this machine (docs/collecting.md) and run again. Verification is never switched off.'
      Write-Collection 'certificate not trusted'
    } else {
      Say "$BaseUrl$($Path): could not be reached ($text). Nothing more was collected."
      Write-Collection 'server not reachable'
    }
    exit 4
  }
}

# GET Path and save a 200 answer as File (secrets removed); a 404 or another answer is noted and
# skipped; 401/403 stop everything. Returns the parsed answer when saved, else $null.
function Save-Answer([string]$Path, [string]$File) {
  $answer = Get-Answer $Path
  $status = $answer.Status
  if ($status -eq 401 -or $status -eq 403) { Stop-Refused $Path $status }
  if ($status -eq 404) {
    Add-Note $Path 404 '' 'not answered by this server (an older Applinks version, or no such link); skipped'
    Say "  $($Path): not answered (404); skipped"
    return $null
  }
  if ($status -ne 200) {
    Add-Note $Path $status '' 'unexpected answer; skipped'
    Say "  $($Path): HTTP $status; skipped"
    return $null
  }
  $text = $answer.Body.Trim()
  try {
    $parsed = ConvertFrom-Json -InputObject $text
  } catch {
    Add-Note $Path 200 '' "not JSON (a login page or a proxy's answer?); not saved"
    Say "  $($Path): the answer is not JSON (a login page or a proxy's answer?); skipped"
    return $null
  }
  # PowerShell unrolls a one-element array; the importer needs the list kept a list.
  if ($text.StartsWith('[') -and -not ($parsed -is [System.Collections.IList])) {
    if ($null -eq $parsed) { $parsed = @() } else { $parsed = @(, $parsed) }
  }
  $before = $script:Removed
  $clean = Remove-Secrets $parsed
  if ($script:Removed -ne $before) { [void]$Scrubbed.Add($File) }
  Write-Utf8 (Join-Path $Target $File) (ConvertTo-Json -InputObject $clean -Depth 100)
  Add-Note $Path 200 $File ''
  $script:Saved++
  Say "  saved $File"
  return , $clean
}

function Get-LinkIds($List) {
  if ($null -eq $List) { return @() }
  $items = $List
  if (-not ($List -is [System.Collections.IList])) {
    $items = $null
    foreach ($key in @('list', 'applinks', 'applicationLinks')) {
      $found = Get-Property $List $key
      if ($found -is [System.Collections.IList]) { $items = $found; break }
    }
    if ($null -eq $items) { return @() }
  }
  $ids = @()
  foreach ($item in $items) {
    $application = Get-Property $item 'application'
    $id = if ($application) { Get-Property $application 'id' } else { Get-Property $item 'id' }
    if ($id -is [string]) { $ids += $id }
  }
  return $ids
}

Say "Collecting the application links of $BaseUrl into $Target (read-only GET requests)"
$manifest = Save-Answer '/rest/applinks/1.0/manifest' 'manifest.json'
if ($null -eq $manifest) { Say "Without the manifest the importer cannot tell which server this is: is $BaseUrl the base URL of an Atlassian application?" }
$legacy = Save-Answer '/rest/applinks/1.0/listApplicationlinks' 'listApplicationlinks.json'
if ($null -eq $legacy) { $legacy = Save-Answer '/rest/applinks/latest/listApplicationlinks' 'listApplicationlinks.json' }
$modern = Save-Answer '/rest/applinks/3.0/applinks' 'applinks.json'

$LinkIds = @(@(Get-LinkIds $legacy) + @(Get-LinkIds $modern) | Select-Object -Unique)
foreach ($id in $LinkIds) {
  if ($id -notmatch '^[A-Za-z0-9_-]{1,100}$') {
    Add-Note '(link id)' 0 '' 'a link id with unexpected characters was skipped'
    Say '  a link id with unexpected characters was skipped'
    continue
  }
  Say "Link $id"
  [void](Save-Answer "/rest/applinks/3.0/status/$id" "status-$id.json")
  [void](Save-Answer "/rest/applinks/3.0/status/$id/oauth" "oauth-$id.json")
  [void](Save-Answer "/rest/applinks/latest/applicationlink/$id/authentication" "authentication-$id.json")
  [void](Save-Answer "/rest/applinks/latest/applicationlink/$id/authentication/provider" "authentication-provider-$id.json")
}

Write-Collection ''
Say ''
Say "Saved $($script:Saved) answers from $BaseUrl in $Target ($($LinkIds.Count) links), and collection.json (what was asked and answered; no secrets)."
if ($Scrubbed.Count -gt 0) { Say "Secrets were removed as they were saved, from: $($Scrubbed -join ' ')" }
Say 'No file is known to hold a secret still (the importer checks again).'
Say "Next: carry $OutDir to the workstation and run  applink-advisor import $OutDir --dry-run"
exit 0
