<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ConnectionProblem</name>
    <message>
        <source>The daemon cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed (TLS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon refused the token (401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon does not allow this connection (403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console and the daemon speak different protocol versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console keeps retrying with backoff. Check that qwen-swarmd runs and that the address and port are right, or open File › Connect… to choose another connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the URL&apos;s host name matches the daemon&apos;s certificate, and give the CA file that signed it (--ca-file or the connection dialog). Use wss:// only if the daemon serves TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a valid JWT or API key: File › Connect…, --token, or the QWEN_SWARM_TOKEN variable. An administrator can create a key with qwen-swarmd --create-api-key ROLE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the daemon&apos;s administrator for a token with a sufficient role, or to allow this console&apos;s origin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a console and a daemon of matching releases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again from File › Connect…; if it persists, see the daemon&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Enter the daemon&apos;s address as ws://host:port or wss://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss:// (not %1://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the daemon&apos;s port to the address, e.g. %1:8765.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsensusWhy</name>
    <message>
        <source>%1 vote(s), weight %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vote(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; from %2 (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no valid vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Not counted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave differing answers (equivocated) and support nothing. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f = %1 as configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f = %1, the most faults %2 voters can tolerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 agent(s) voted, fewer than the 3f+1 = %2 needed to tolerate %3, so the proposal was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer had any valid vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the best, &apos;%1&apos;, had %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1, an answer needs 2f+1 = %2 matching valid votes; %3, so the proposal was rejected (Byzantine rejection).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; both reached 2f+1 = %3 with %4 votes each: a tie, so nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With %1, &apos;%2&apos; has %3 matching valid votes, at least 2f+1 = %4: counted toward it were %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 strategy scores the answers rather than counting them: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 valid vote(s) were cast where %2 were required: the quorum was not met, so nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vote was valid, so there was nothing to decide between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; reached %2, meeting the %3 required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leading answer &apos;%1&apos; reached only %2, short of the %3 required, so nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1 reached %2 agreement, at least the %3 that ends the debate. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No round reached the %1 agreement that ends the debate early; the last round (%2) is decided by its most weight. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposers answered first; the last round is the judges&apos; verdict on their proposals. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tied with %2 each and the strategy breaks no ties (tie_break &quot;none&quot;), so nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tied with %2 each; the &quot;%3&quot; tie-break settled it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; had the most %2 (%3 of the valid total), which is what %4 asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No votes were cast, so the %1 strategy had nothing to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy %1: the winner needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: &apos;%1&apos; with %2 agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Dissenting: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: no decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The votes read differently from the recorded outcome; the strategy&apos;s own account: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesignerText</name>
    <message>
        <source>%1 → %2: the type does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow input &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: a run must give it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · default of %n element(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · default %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each of a list as {{%1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to approve, edit or reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPROVAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TASK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swarm&apos;s strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unbound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · agreement %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an output (on the right of a node) to an input (on the left of a node).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; names nothing in this workflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no step &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step cannot read its own output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; does not map over a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list to map over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of &apos;%2&apos; takes a %3; %4 is a %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deciding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorAdvice</name>
    <message>
        <source>Check the connection in the status bar; press F5 to try again once it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect again with a valid token (File › Connect…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this: connect with an operator or admin token (File › Connect…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the value named above and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It changed meanwhile: press F5 to refresh the page, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit was reached: wait a moment, or raise the limit, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else to do: it was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the task, or choose a strategy with a tie-break or a lower threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the provider&apos;s settings and key, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This daemon does not support it: update qwen-swarmd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press F5 to try again; if it persists, copy the Logs page into a report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message>
        <source>Runs a workflow file without a window and prints its progress and outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow file (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s inputs: a JSON object, or @FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on the qwen-swarmd daemon at URL instead of an embedded core; the token comes from --token or QWEN_SWARM_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT or API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA of the daemon&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the embedded core&apos;s database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the embedded core in memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve every approval step as it comes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the embedded core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the run&apos;s report to OUT.pdf, OUT.html, OUT.csv or OUT.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not run: estimate calls, tokens, cost and time per step from a run on simulated agents.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogEntry</name>
    <message>
        <source>agent #%1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent #%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task #%1: %2 → %3, attempt %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision #%1 for task #%2: &quot;%3&quot;, %4% agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision #%1 for task #%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run #%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run #%1 (%2), step %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Reputation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Console::ConsoleSession</name>
    <message>
        <source>Embedded core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 holds no readable PEM certificate: give the certificate of the CA that signed the daemon&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS, private CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Console::ConsoleShell</name>
    <message>
        <source>Qwen Swarm — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen Swarm — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The current connection stays open. Correct the profile in File › Connect… and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Console::ReportCommand</name>
    <message>
        <source>Exports a report on a workflow run, a decision or a time period as PDF, HTML, CSV or JSON, without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on the workflow run ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on the decision ID and its task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on the tasks and decisions created from this time on (ISO 8601, local time unless it names a zone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and before this time (ISO 8601).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report file: OUT.pdf, OUT.html, OUT.csv or OUT.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the qwen-swarmd daemon at URL; the token comes from --token or QWEN_SWARM_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT or API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA of the daemon&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the embedded core&apos;s database (default: the console&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentDetailWidget</name>
    <message>
        <source>Agent %1 (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an agent to see its details.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 concurrent calls, budget %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 errors, %3 in flight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prompt, %2 completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Cannot be read: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Loading…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing learned yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 right (Beta %2, %3; %n update(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State history (since this page opened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No lifecycle change seen yet.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Plus %n idle ⇄ busy change(s) as calls started and finished.&lt;/p&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentGraphPage</name>
    <message>
        <source>Double-click an agent for its details, a swarm&apos;s background to collapse it; right-click for commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse all swarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpand all swarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find agent and focus (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent&apos;s name contains &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live graph updates are off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swarms cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agents cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n agents selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 — %4 calls, %5 errors, reputation %6. Double-click or Enter opens its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the last minutes forward from the slider&apos;s position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag left to see the agents&apos; states of the last ten minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the agent graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open agent details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen Swarm agent graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export agent graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The graph could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentsModel</name>
    <message>
        <source>Agent changes are not followed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agents cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reputations cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentsPage</name>
    <message>
        <source>Filter by name, model, provider, tag, role or swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spawn agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 the selected agents (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more agents first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 spawned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All swarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 agents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ApprovalDialog</name>
    <message>
        <source>Approve step %1 of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read what the step passes on. Approve it as it is, edit it before approving, or reject it (the run then fails).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text the step passes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (kept with the run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AuditModel</name>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::BannerWidget</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::BatchOperation</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: done for %n item(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed for %2 of %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n item(s) left as they were.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::BatchProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send no more of this action; what was already sent still completes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::CommandPaletteDialog</name>
    <message>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent name, task or decision id (#42), words of a task, or an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓ to choose · Enter to open · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::CommandPaletteModel</name>
    <message>
        <source>Agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided “%1” (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConnectionBar</name>
    <message>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Embedded core (runs inside this console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote daemon (qwen-swarmd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the &amp;demo swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep data in &amp;memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform&apos;s data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &amp;profiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token (JWT or API key):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file %1 does not exist: choose the PEM file of the CA that signed the daemon&apos;s certificate, or leave it empty to trust the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConnectionStatusWidget</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 store · v%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Providers: %2
Strategies: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The orchestration core runs inside this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to the daemon at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms round trip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConsensusPage</name>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback recorded; the agents&apos; reputations moved (see the chart).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare two selected decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or two decisions to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to one decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;live decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement ≥ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the newest decisions as they are made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the two selected decisions side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All swarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n decisions shown, more available</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export decision report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a decision to report on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DashboardPage</name>
    <message>
        <source>Metrics cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the charts to read them; sampling goes on (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$ per min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time from a task&apos;s acceptance to its decision (task duration), quantiles of the tasks that finished in the last few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first metrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last sample %1 · %n sample(s) kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Paused — sampling goes on · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts show what this console sampled since it opened, a point a second for the last hour, and before that the core&apos;s own per-minute roll-ups (kept eight days), a point a minute for 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export report of this window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tasks and decisions of the window the charts show, as PDF, HTML, CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DecisionChartsWidget</name>
    <message>
        <source>Votes per round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement over rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leader&apos;s share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DecisionDetailWidget</name>
    <message>
        <source>Raw answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Why&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This decision was right: trust the agents that agreed with it more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This decision was wrong: trust the agents that agreed with it less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a decision to see its rounds, votes and why.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Decision #%1&lt;/b&gt; · task #%2 · %3 &lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt; · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked right by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked wrong by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was this decision right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Winner &lt;b style=&apos;color:%1&apos;&gt;&apos;%2&apos;&lt;/b&gt; · agreement %3 · rule: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c00&apos;&gt;No decision&lt;/b&gt; · rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#c00&apos;&gt;dissenters: %1&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Byzantine: n = %1, f = %2, 2f+1 = %3; counted toward it: %4 (marked ✓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw answer:
%1

Rationale: %2
%3 ms · %4 + %5 tokens · %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissenter: voted for another answer than the decided one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refined (layer %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Flow&lt;/b&gt;&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the consensus view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DecisionListModel</name>
    <message>
        <source>Live decisions are off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DesignerPage</name>
    <message>
        <source>These ports do not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open workflow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save workflow &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare with file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;map task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a&amp;pproval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-&amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nap to grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear run colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr&amp;y run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag an output (right of a node) onto an input (left) to connect; drag a connected input away to disconnect.

Wheel: zoom. Middle button or Space: pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a problem to go to its step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads a %1 (%2); it takes a %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: the workflow validates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: connect to a core to run (designing works without one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The workflow has %n problem(s): fix them to run it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A run of this workflow is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the workflow on the connected core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to run on the connected core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n step(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to paste: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paste %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Approve, edit or reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit the workflow&apos;s inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;task here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;map task here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a&amp;pproval here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DesignerScene</name>
    <message>
        <source>Move connection %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DryRunDialog</name>
    <message>
        <source>Dry run of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the workflow on simulated agents, offline, approving every approval step. Nothing is sent to a model provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate from a dry run on simulated agents: %1 model calls, %2, about %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run ended %1: %2. The figures cover the steps it reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::GraphMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::LogsPage</name>
    <message>
        <source>Live log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected lines, or every line shown when none is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;older audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live log is not followed: %1. Press F5 to try again; if it persists, check the connection in the status bar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live audit events are not followed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) were not received (seq %1–%2): the console was too slow or reconnected late.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resume &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n log line(s) copied.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail is for administrators; this connection&apos;s role is %1. Connect with an admin token to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail cannot be read: %1. Press F5 to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry(ies), all loaded; new ones appear on top.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry(ies) loaded, newest first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · paused, %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::MainWindow</name>
    <message>
        <source>Qwen Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent &amp;graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consensus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Qwen Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Qwen Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen Swarm %1
Operations console for multi-agent LLM swarms.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend does not answer: %1. The console keeps trying; pages refresh when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard is live; nothing to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Designer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow d&amp;esigner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;esigner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started: follow it on the Runs page (Ctrl+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The designer follows the core by itself; nothing to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console speaks the chosen language from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::MetricChartWidget</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::MetricsHistory</name>
    <message>
        <source>Metrics cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ProviderEditDialog</name>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen (DashScope international)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen (DashScope mainland China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vLLM (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp server (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stream answers (server-sent events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one tiny request with these settings, before saving them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a preset to fill the form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What agents name, e.g. qwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For agents that name no model, e.g. qwen-plus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the API key comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key (a local server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable of the core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System keychain (typed here once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable that holds the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable name, e.g. DASHSCOPE_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model the server serves, e.g. qwen2.5:7b-instruct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System keychain of an embedded console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to a remote daemon: keys live in the daemon&apos;s environment. Set the variable where qwen-swarmd runs, then restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded core reads the variable from this console&apos;s environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key goes to the system keychain and to the core; it is never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remote daemon cannot read this console&apos;s keychain: choose an environment variable of the daemon instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys live in the daemon&apos;s environment; the system keychain is offered only with the embedded core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For local servers (vLLM, Ollama, llama.cpp) that ask for no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1… (a tiny request, at most 30 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK in %1 ms: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed after %1 ms: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the provider&apos;s API key: it is kept in the system keychain, never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory only, until the console quits (no keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ProvidersModel</name>
    <message>
        <source>%1: $%2 in, $%3 out per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the core has no key for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>half-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: calls go through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: the provider failed again and again; calls are refused for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-open: a few calls try the provider again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider has no circuit breaker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) at once</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ProvidersPage</name>
    <message>
        <source>Model providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one tiny request to the selected provider (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the selected provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The providers are not listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain holds no key for %1: edit the provider and paste its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a provider to test it. Providers you add here can be edited and removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is built into the core (simulated answers, no network): it can be tested, not edited or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is defined by the configuration file of the core: it is read-only here. Change it in that file, then restart the core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added from the console: edit, test or remove it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) call it: remove them before removing it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Its API key is missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the provider to edit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1 saved; its key is kept in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the provider to test first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1… (a tiny request, at most 30 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not tested: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the provider to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove provider %1? Agents can no longer name it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1 was not removed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1 was not removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RecentDecisionsWidget</name>
    <message>
        <source>Newest decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 — decided “%2” with %3% agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 — no decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportCollector</name>
    <message>
        <source>the period ends before it begins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the core what it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the core&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading run #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading decision #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %n task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reading tasks: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading decisions: %1 of %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the period&apos;s tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the period&apos;s tasks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period&apos;s tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the period&apos;s decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the period&apos;s decisions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period&apos;s decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading how the agents&apos; reputations changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading reputation changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reputation history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading reputations before: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reputations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportDocumentBuilder</name>
    <message>
        <source>Workflow run #%1: %2 (revision %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow run #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision #%1 of task #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks and decisions from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deciding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abstained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen Swarm report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 core %2 (%3 store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local, UTC%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 succeeded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 decided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prompt, %2 completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period holds more than a report reads: this one shows its newest part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1, for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more not drawn (the CSV and JSON reports list every one).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the swarm&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more task(s) are not shown (the CSV and JSON reports list every one).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more decision(s) are not shown (the CSV and JSON reports list every one).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Decision #%1: task #%2, attempt %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision #%1: step %2, task #%3, attempt %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy %1. Outcome: %2. Answer: %3. Agreement %4. Dissenters: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents and reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reputation is the expected share of right answers the system learned for an agent; the change is over the report&apos;s span, in percentage points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of the votes by agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens by provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>task #%1: %n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in decision #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors and retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: every task succeeded at its first attempt and every vote counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportExportDialog</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportExporter</name>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the %1 report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportHtml</name>
    <message>
        <source>Written by Qwen Swarm %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportPdf</name>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReputationChartWidget</name>
    <message>
        <source>Reputation over time (■ = feedback)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunInputsDialog</name>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One element per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunTracker</name>
    <message>
        <source>cancelled in the designer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunsModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (r%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runs cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run changes are not followed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunsPage</name>
    <message>
        <source>Workflow runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run workflow file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run workflow file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve, edit or reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try from step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task (map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run again %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 runs again from step %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SecretStore</name>
    <message>
        <source>The system keychain is not used: the token is kept in memory until the console quits, never on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1): the token is kept in memory until the console quits, never on disk. Set QWEN_SWARM_TOKEN to avoid typing it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SpawnAgentDialog</name>
    <message>
        <source>Spawn agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON object, e.g. {&quot;temperature&quot;: 0.2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. math, general</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a JSON object such as {&quot;temperature&quot;: 0.2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the swarm the agent joins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent was not spawned: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::StepApprovalDialog</name>
    <message>
        <source>Approve step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the value, edit it first, or reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the run&apos;s record (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::StepPalette</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task for a swarm, decided by consensus. Its output is the decided answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One task per element of a list; its output is the list of the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operator approves, edits or rejects a value before the run goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::StepPropertiesWidget</name>
    <message>
        <source>Run once per element of a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the node shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the operator reads before approving, editing or rejecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run only if, e.g. steps.check.output == &apos;yes&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swarm&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt; type {{ for the step&apos;s names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list: inputs.&lt;name&gt; or steps.&lt;id&gt;.output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swarm&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, e.g. {&quot;tie_break&quot;: &quot;first&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated, e.g. bug, feature, question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The names the prompt uses and what each reads. Connect ports on the canvas, or type a reference: inputs.&lt;name&gt;, steps.&lt;id&gt;.output or steps.&lt;id&gt;.agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · agreement %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an identifier: a letter, then letters, digits or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another step has the id &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a JSON object: the parameters are not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SummaryPage</name>
    <message>
        <source>Tasks submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SwarmDirectory</name>
    <message>
        <source>Swarm changes are not followed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swarms cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::TaskDetailWidget</name>
    <message>
        <source>Cancel task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 was not cancelled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 was not retried: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see its input, attempts, timeline and decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the swarm&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier changes are no longer kept by the backend; the times above and below are what is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissenters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2” · confidence %3 · weight %4 · %5 · %6 tokens · %7</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::TasksModel</name>
    <message>
        <source>The tasks cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task changes are not followed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swarm default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More tasks cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tasks cannot be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::TasksPage</name>
    <message>
        <source>Newest first. More rows load as you scroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected queued or running tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected failed, cancelled or timed-out tasks one more attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;new tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search prompts, variables and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks decided by this strategy (a task without one takes its swarm&apos;s default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All swarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more tasks first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show new tasks (up to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show %n new task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowDiffDialog</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 describe the same workflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added steps (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed steps (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed steps (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow (%1 changed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowDocument</name>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not JSON: %2 at offset %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a workflow file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n input(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Move step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be bound: it is not an identifier or is the map&apos;s own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect %1 to %2.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename step %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the workflow&apos;s %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowFiles</name>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow %1 has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not open: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with a workflow file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowInputsDialog</name>
    <message>
        <source>Run the workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workflow takes no inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One element per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the required inputs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowPropertiesWidget</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a step to edit it. With none selected, these are the workflow&apos;s own properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow&apos;s own version: raise it when you change what it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty default makes the input required. A list&apos;s default is JSON ([&quot;a&quot;, &quot;b&quot;]) or elements separated by &apos;;&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a workflow file: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwarmGroupItem</name>
    <message numerus="yes">
        <source>%1  ·  %2  ·  %n agent(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VoteAnalysis</name>
    <message>
        <source>more than half of the valid votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1% of the valid %2, with a quorum of %3 valid votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every valid vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2f+1 = %1 matching votes (n = %2, f = %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreement of %1% to stop early, else the most weight after the last round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the judges&apos; plurality over the last proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the most reputation weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the highest Borda score over the ranked answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer most similar to all the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the most votes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Attach to a qwen-swarmd daemon at URL (ws://host:port or wss://host:port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT or API key for --attach. Prefer the QWEN_SWARM_TOKEN environment variable: a command line is visible to other users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with the saved connection profile NAME (its token comes from the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the daemon&apos;s certificate, trusted besides the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the embedded core&apos;s database (default: the platform&apos;s data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo swarm and its task stream in the embedded core (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the embedded core without the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo tasks per second (default 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the embedded core&apos;s data in memory only (lost on exit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the embedded core (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window (en, zh_CN; default: the system&apos;s, or the saved choice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep tokens in memory only, for this run, instead of the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations console for multi-agent LLM swarms. Without options it runs an embedded core with a demo swarm of simulated agents; with --attach or --profile it attaches to a qwen-swarmd daemon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qwen Swarm cannot start.

%1

Start with --memory to run without a database, --data-dir to use another folder, or check --attach and --ca-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the demo run, save each page as DIR/NN-page.png, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the demo on a swarm of N simulated agents answering in about 20 ms, five per task (default: the six agents of the demo swarm).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure the window for SECONDS: print one JSON line (startup_ms, event_loop_p99_ms, rss_mb, ...), then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
