import { BUNDLE_FILE_NAME } from '../../shared/model/bundle.ts';
import { INVENTORY_FORMAT, INVENTORY_VERSION } from '../../shared/model/inventory.ts';
import { REPORT_FORMATS } from '../../shared/model/vocabulary.ts';

export const HELP = `applink-advisor — assess Atlassian application-link authentication offline

Usage:
  applink-advisor assess <inventory.json> [--format json|table|csv] [--fail-on critical|high|medium|low]
  applink-advisor checklist <inventory.json> --link ID [--format json|md|jira]
  applink-advisor workspace info|verify|backups|backup [--workspace DIR]
  applink-advisor workspace restore <backup-id> [--workspace DIR]
  applink-advisor list [--workspace DIR] [--format json|table]
  applink-advisor servers [--workspace DIR] [--format json|table]
  applink-advisor plan [--workspace DIR] [--format table|json|md]
  applink-advisor import <files or folders…> [--workspace DIR] [--dry-run] [--answer QUESTION=yes|no]...
                  [--attach FILE=LINK_ID]... [--skip FILE]... [--format json|table]
  applink-advisor report (<inventory.json> | --workspace DIR) --format ${REPORT_FORMATS.join('|')} --out FILE
                  [--title TEXT] [--author NAME] [--classification TEXT] [--bom] [--paper A4|Letter] [--chromium PATH]
                  [--history] [--since-backup ID] [--sign-key PRIVATE.key]
                  [--summary | --sections summary,links,findings,checklists,history]
  applink-advisor verify-report <file> [--key PUBLIC.pem]
  applink-advisor sign <report> --key PRIVATE.key --out FILE
  applink-advisor keygen --out DIR
  applink-advisor export-bundle [--workspace DIR] [--out FILE] [--link ID]...
  applink-advisor import-bundle <file> [--workspace DIR] [--dry-run] [--resolve keep-mine|take-theirs|keep-both] [--format json|table]
  applink-advisor collector --out DIR
  applink-advisor triage --workspace DIR --link ID --rule RULE --status STATUS [--reason TEXT] [--owner NAME]
                  [--due YYYY-MM-DD]
  applink-advisor --help | --version

Commands:
  assess <inventory.json>   Assess every link of an inventory file (format "${INVENTORY_FORMAT}",
                            version ${INVENTORY_VERSION}; see docs/inventory-format.md) and print the verdicts, then a summary
                            line on stderr (links by recommendation and by worst finding). --fail-on SEVERITY
                            exits 3 when any link has a finding of that severity or worse (for scripts).

  checklist <inventory.json> --link ID
                            Print the migration checklists that apply to one link: the update path and
                            every item with its id, section, end, sources and state (all "open", since an
                            inventory file carries no progress). Locked checklists say why. --format jira
                            writes Jira wiki markup, which Jira and Confluence Data Center render.

  servers                   The workspace by server (base URL host): product and version, links, how many
                            use Trusted Apps, Basic, OAuth, OAuth 2.0 or nothing on that server's end, the
                            worst finding, OAuth 2.0 readiness and migrations open/done.
  plan                      The migration plan: links grouped into waves by planned window (date order,
                            then the links that need a migration and have no window), each wave's links
                            and migrations open/done/locked, and the order problems found (PLAN01–PLAN06
                            with their sources; docs/plan.md). --format md writes the plan as Markdown
                            with the waves as a Mermaid gantt.
  workspace info            Where the workspace is, how many links it holds, who holds its lock.
  workspace verify          Check every document; print each problem. Exit 0 only when all are healthy.
                            Read-only: nothing is moved or changed.
  workspace backups         The workspace's snapshots, newest first.
  workspace backup          Take a snapshot now (kept until removed; automatic ones rotate, 20 kept).
  workspace restore <id>    Make the links exactly those of a snapshot, all-or-nothing, after a safety
                            snapshot of the current state. Refused while the app has the workspace open.
  list                      The links of a workspace with their recommendation and worst finding.

  import <files or folders…>
                            Import Applinks REST exports (manifest, 1.0/listApplicationlinks, 3.0/applinks,
                            3.0/status/{id}, …/oauth, applicationlink/{id}/authentication), inventory files
                            and CSV (docs/import.md); a folder is read with its subfolders (the collector's
                            output as it is). Files are grouped per server by name prefix
                            (jira.manifest.json) or by the folder holding the manifest; both servers' views
                            of a link become one link with both ends. An answer that names no link is
                            placed by a link id in its file or folder name, its OAuth consumer, or its
                            file name (authentication-radiator.json ↔ "Build radiator"). Secrets are
                            removed as files are read. Prints the preview (recommendation and worst
                            finding per link); without --dry-run, commits it all-or-nothing after a
                            backup. Any problem in the files, or a file not placed: exit 2, nothing
                            imported.
  report                    Write a report of an inventory file or a workspace: summary, each distinct
                            flowchart path drawn once, and per link the ends, configuration, answers,
                            recommendation, findings and checklists. Every report carries the SHA-256 of
                            its content. Never overwrites an existing file. PDF is printed by a Chromium,
                            Chrome or Edge found on the machine (or --chromium PATH), offline. With
                            --workspace: --history lists each link's recent saved states, --since-backup
                            adds what changed since a backup to the summary. --summary writes the executive
                            summary alone (at most 15 PDF pages for any estate: links still on Trusted Apps
                            or Basic, recommendations, findings open and accepted, readiness, migrations,
                            top servers, top risks, triage decisions, sources; pdf, html, md or json, not
                            csv). --sections keeps only the parts named (default all). HTML and PDF start
                            with a table of contents (page numbers in PDF). On a terminal, progress is
                            written to stderr; piped, nothing extra. Ctrl-C stops it (exit 130): no report
                            and nothing of it in temporary folders.
  verify-report <file>      Recompute a report's SHA-256: exit 0 intact, 1 modified, 2 not a report.
                            A digest only shows the file is unchanged since it was sealed, not who made it
                            (anyone can recompute one). With --key, also check its Ed25519 signature and
                            name the key's fingerprint (1 when unsigned or signed by another key).
  sign <report>             Sign an intact, unsigned report with --key PRIVATE.key, written to --out FILE
                            (never overwritten; the original is left as it is).
  keygen --out DIR          Make an Ed25519 key pair for signing reports: DIR/applink-advisor-signing.key
                            (private, mode 600; keep it outside any workspace) and .pub (to share).
  export-bundle             Write the workspace (or the links given with --link) as one portable file,
                            ${BUNDLE_FILE_NAME} by default, with a SHA-256 over its content. Never
                            overwrites an existing file.
  import-bundle <file>      Compare a bundle with the workspace: each link is new, identical, an update
                            (a later version of yours), older (yours is newer) or a conflict (changed on
                            both sides). Without --dry-run, merge it all-or-nothing after a backup: new
                            links and updates are taken, older ones kept; conflicts need --resolve.
                            A bundle changed since it was made is refused (exit 2).
  collector --out DIR       Write collect-applinks.sh (bash + curl) and collect-applinks.ps1 (PowerShell)
                            into DIR, to run on a host that reaches the servers: read-only GET requests
                            save each server's application-link answers, secrets removed, in a folder to
                            carry to this machine and import (docs/collecting.md). Never overwrites.

  triage                    Record a decision on one finding of one link: --status open (clears the
                            decision), accepted-risk or false-positive (both need --reason; they stop
                            counting as open), fixed-pending-verification (still counts as open until the
                            link is assessed without it). --due is the review/expiry day: after it the
                            finding counts as open again, flagged "expired". --owner names who answers
                            for it. The operator name of the app's preferences is recorded as "by".
                            Secrets in --reason/--owner are removed. An unknown link, a rule that does
                            not fire for the link (the message lists those that do), an unknown status,
                            a missing reason or a bad date: exit 2, nothing saved.

Options:
  --workspace DIR           The workspace folder (default: the app's, under the user-data folder, or
                            $APPLINK_ADVISOR_WORKSPACE).
  --link ID                 The link of the checklist command; with export-bundle, a link to include
                            (repeatable).
  --dry-run                 import, import-bundle: print what would happen and change nothing.
  --answer QUESTION=yes|no  import: answer a question the exports cannot know, for every imported link
                            that has no answer yet. QUESTION: mutual-trust, shared-user-base,
                            admin-on-remote, sysadmin-on-remote. Repeatable.
  --attach FILE=LINK_ID     import: the link (its Applinks id, as the preview lists them) an answer that
                            could not be placed is about. Repeatable.
  --skip FILE               import: leave a file out (e.g. one that could not be placed). Repeatable.
  --resolve CHOICE          import-bundle: what to do with every conflicting link.
  --format json|table|md|csv|jira
                            assess: table (default), json or csv; checklist: md (default), json or jira;
                            list, servers: table (default) or json; plan: table (default), json or md. assess json prints
                            {"links":[{"id","recommended","path","findings":[{"rule","code","severity",…,"triage"}],
                            "updatePath","oauth2":{"status","blockers"},"checklists",…}]}.
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit status:
  0  success (for workspace verify: every document is healthy)
  1  workspace verify found problems; the workspace is held by the app; or the machine failed (the disk
     is full, read-only or refused permission: said in plain words, and nothing saved before is changed)
  2  bad input: a file or folder that does not exist or is of the wrong kind (a file where a folder should
     be), a file that is not a valid inventory or bundle (one message per problem, with its JSON path;
     nothing is used from a broken file); or a workspace operation was refused (unknown backup, a bundle
     changed since it was made, conflicts without --resolve, a triage decision that cannot be recorded)
  3  assess --fail-on: a link has an open finding of that severity or worse (accepted risks and false
     positives in force do not count; an expired decision does)
  64 the command line is wrong
  130 report was interrupted (Ctrl-C or TERM): nothing was written

Text from files (names, authors, file names) is printed with control characters escaped (\u001b…).
Applink Advisor never uses the network.
`;
