<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConnectionProblem</name>
    <message>
        <source>The daemon cannot be reached.</source>
        <translation>无法连接到守护进程。</translation>
    </message>
    <message>
        <source>The secure connection failed (TLS).</source>
        <translation>安全连接失败（TLS）。</translation>
    </message>
    <message>
        <source>The daemon refused the token (401).</source>
        <translation>守护进程拒绝了令牌（401）。</translation>
    </message>
    <message>
        <source>The daemon does not allow this connection (403).</source>
        <translation>守护进程不允许此连接（403）。</translation>
    </message>
    <message>
        <source>This console and the daemon speak different protocol versions.</source>
        <translation>本控制台与守护进程的协议版本不一致。</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>连接失败。</translation>
    </message>
    <message>
        <source>The console keeps retrying with backoff. Check that qwen-swarmd runs and that the address and port are right, or open File › Connect… to choose another connection.</source>
        <translation>控制台会按退避策略持续重试。请确认 qwen-swarmd 正在运行、地址和端口正确，或打开“文件 › 连接…”选择其他连接。</translation>
    </message>
    <message>
        <source>Check that the URL&apos;s host name matches the daemon&apos;s certificate, and give the CA file that signed it (--ca-file or the connection dialog). Use wss:// only if the daemon serves TLS.</source>
        <translation>请确认 URL 中的主机名与守护进程的证书一致，并提供签发该证书的 CA 文件（--ca-file 或连接对话框）。仅当守护进程提供 TLS 时才使用 wss://。</translation>
    </message>
    <message>
        <source>Give a valid JWT or API key: File › Connect…, --token, or the QWEN_SWARM_TOKEN variable. An administrator can create a key with qwen-swarmd --create-api-key ROLE.</source>
        <translation>请提供有效的 JWT 或 API 密钥：“文件 › 连接…”、--token 或 QWEN_SWARM_TOKEN 环境变量。管理员可用 qwen-swarmd --create-api-key ROLE 创建密钥。</translation>
    </message>
    <message>
        <source>Ask the daemon&apos;s administrator for a token with a sufficient role, or to allow this console&apos;s origin.</source>
        <translation>请向守护进程管理员申请具有足够角色的令牌，或请其允许本控制台的来源。</translation>
    </message>
    <message>
        <source>Install a console and a daemon of matching releases.</source>
        <translation>请安装版本相互匹配的控制台和守护进程。</translation>
    </message>
    <message>
        <source>Try again from File › Connect…; if it persists, see the daemon&apos;s log.</source>
        <translation>请通过“文件 › 连接…”重试；若问题持续，请查看守护进程日志。</translation>
    </message>
    <message>
        <source>%1 (%2) %3</source>
        <translation>%1（%2）%3</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Enter the daemon&apos;s address as ws://host:port or wss://host:port.</source>
        <translation>请以 ws://主机:端口 或 wss://主机:端口 的形式输入守护进程地址。</translation>
    </message>
    <message>
        <source>The address must start with ws:// or wss:// (not %1://).</source>
        <translation>地址必须以 ws:// 或 wss:// 开头（而不是 %1://）。</translation>
    </message>
    <message>
        <source>Add the daemon&apos;s port to the address, e.g. %1:8765.</source>
        <translation>请在地址中加上守护进程端口，例如 %1:8765。</translation>
    </message>
</context>
<context>
    <name>ConsensusWhy</name>
    <message>
        <source>%1 vote(s), weight %2</source>
        <translation>%1 票，权重 %2</translation>
    </message>
    <message>
        <source>%1 vote(s)</source>
        <translation>%1 票</translation>
    </message>
    <message>
        <source>&apos;%1&apos; from %2 (%3, %4)</source>
        <translation>“%1”来自 %2（%3，%4）</translation>
    </message>
    <message>
        <source>Round %1: </source>
        <translation>第 %1 轮：</translation>
    </message>
    <message>
        <source>no valid vote</source>
        <translation>无有效票</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source> Not counted: %1.</source>
        <translation> 未计入：%1。</translation>
    </message>
    <message>
        <source>%1 gave differing answers (equivocated) and support nothing. </source>
        <translation>%1 给出了相互矛盾的答案（两面投票），不支持任何答案。</translation>
    </message>
    <message>
        <source>f = %1 as configured</source>
        <translation>按配置 f = %1</translation>
    </message>
    <message>
        <source>f = %1, the most faults %2 voters can tolerate</source>
        <translation>f = %1，即 %2 名投票者最多可容忍的故障数</translation>
    </message>
    <message>
        <source>Only %1 agent(s) voted, fewer than the 3f+1 = %2 needed to tolerate %3, so the proposal was rejected.</source>
        <translation>仅有 %1 个智能体投票，少于容错（%3）所需的 3f+1 = %2，因此提案被拒绝。</translation>
    </message>
    <message>
        <source>no answer had any valid vote</source>
        <translation>没有任何答案获得有效票</translation>
    </message>
    <message>
        <source>the best, &apos;%1&apos;, had %2</source>
        <translation>得票最多的“%1”仅有 %2 票</translation>
    </message>
    <message>
        <source>With %1, an answer needs 2f+1 = %2 matching valid votes; %3, so the proposal was rejected (Byzantine rejection).</source>
        <translation>答案需要 2f+1 = %2 张一致的有效票（%1）；而%3，因此提案被拒绝（拜占庭拒绝）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; and &apos;%2&apos; both reached 2f+1 = %3 with %4 votes each: a tie, so nothing was decided.</source>
        <translation>“%1”和“%2”均以各 %4 票达到 2f+1 = %3：出现平局，因此未作出决策。</translation>
    </message>
    <message>
        <source>With %1, &apos;%2&apos; has %3 matching valid votes, at least 2f+1 = %4: counted toward it were %5.</source>
        <translation>“%2”获得 %3 张一致的有效票，不少于 2f+1 = %4（%1）：计入该答案的是 %5。</translation>
    </message>
    <message>
        <source>The %1 strategy scores the answers rather than counting them: %2</source>
        <translation>%1 策略对答案评分而非计票：%2</translation>
    </message>
    <message>
        <source>Only %1 valid vote(s) were cast where %2 were required: the quorum was not met, so nothing was decided.</source>
        <translation>仅收到 %1 张有效票，而要求 %2 张：未达到法定票数，因此未作出决策。</translation>
    </message>
    <message>
        <source>No vote was valid, so there was nothing to decide between.</source>
        <translation>没有有效票，因此无从决策。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; reached %2, meeting the %3 required.</source>
        <translation>“%1”达到 %2，满足所需条件（%3）。</translation>
    </message>
    <message>
        <source>The leading answer &apos;%1&apos; reached only %2, short of the %3 required, so nothing was decided.</source>
        <translation>领先答案“%1”仅达到 %2，未满足所需条件（%3），因此未作出决策。</translation>
    </message>
    <message>
        <source>Round %1 reached %2 agreement, at least the %3 that ends the debate. </source>
        <translation>第 %1 轮的一致率达到 %2，不低于结束辩论所需的 %3。</translation>
    </message>
    <message>
        <source>No round reached the %1 agreement that ends the debate early; the last round (%2) is decided by its most weight. </source>
        <translation>没有任何一轮达到提前结束辩论所需的 %1 一致率；由最后一轮（第 %2 轮）中权重最高的答案决定。</translation>
    </message>
    <message>
        <source>The proposers answered first; the last round is the judges&apos; verdict on their proposals. </source>
        <translation>提议者先作答；最后一轮是评审对其提案的裁决。</translation>
    </message>
    <message>
        <source>%1 tied with %2 each and the strategy breaks no ties (tie_break &quot;none&quot;), so nothing was decided.</source>
        <translation>%1 打成平局（各 %2），且该策略不裁决平局（tie_break &quot;none&quot;），因此未作出决策。</translation>
    </message>
    <message>
        <source>%1 tied with %2 each; the &quot;%3&quot; tie-break settled it.</source>
        <translation>%1 打成平局（各 %2）；由平局裁决规则“%3”决定。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; had the most %2 (%3 of the valid total), which is what %4 asks for.</source>
        <translation>“%1”的%2最多（占有效总量的 %3），符合所需条件（%4）。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>No votes were cast, so the %1 strategy had nothing to decide.</source>
        <translation>无人投票，因此 %1 策略无从决策。</translation>
    </message>
    <message>
        <source>Strategy %1: the winner needs %2.</source>
        <translation>策略 %1：胜出条件为%2。</translation>
    </message>
    <message>
        <source>Outcome: &apos;%1&apos; with %2 agreement.</source>
        <translation>结果：“%1”，一致率 %2。</translation>
    </message>
    <message>
        <source> Dissenting: %1.</source>
        <translation>异议者：%1。</translation>
    </message>
    <message>
        <source>Outcome: no decision.</source>
        <translation>结果：未作出决策。</translation>
    </message>
    <message>
        <source>The votes read differently from the recorded outcome; the strategy&apos;s own account: %1</source>
        <translation>按投票推算的结果与记录的结果不一致；策略自身的说明：%1</translation>
    </message>
</context>
<context>
    <name>DesignerText</name>
    <message>
        <source>%1 → %2: the type does not fit</source>
        <translation>%1 → %2：类型不匹配</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>自由文本</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Workflow input &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>工作流输入 &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>Required: a run must give it.</source>
        <translation>必填：每次运行都必须提供。</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>input · %1</source>
        <translation>输入 · %1</translation>
    </message>
    <message numerus="yes">
        <source> · default of %n element(s)</source>
        <translation>
            <numerusform> · 默认值含 %n 个元素</numerusform>
        </translation>
    </message>
    <message>
        <source> · default %1</source>
        <translation> · 默认值 %1</translation>
    </message>
    <message>
        <source>each of a list as {{%1}}</source>
        <translation>列表中的每一项作为 {{%1}}</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Right-click to approve, edit or reject.</source>
        <translation>右键单击可批准、编辑或拒绝。</translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <source>APPROVAL</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>no swarm</source>
        <translation>无集群</translation>
    </message>
    <message>
        <source>swarm&apos;s strategy</source>
        <translation>集群策略</translation>
    </message>
    <message>
        <source>asks an operator</source>
        <translation>询问操作员</translation>
    </message>
    <message>
        <source>output · %1</source>
        <translation>输出 · %1</translation>
    </message>
    <message>
        <source>agreement · %1</source>
        <translation>一致率 · %1</translation>
    </message>
    <message>
        <source>%1 (unbound)</source>
        <translation>%1（未绑定）</translation>
    </message>
    <message>
        <source>if %1</source>
        <translation>如果 %1</translation>
    </message>
    <message>
        <source> · agreement %1%</source>
        <translation> · 一致率 %1%</translation>
    </message>
    <message>
        <source>Connect an output (on the right of a node) to an input (on the left of a node).</source>
        <translation>请将输出（节点右侧）连接到输入（节点左侧）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names nothing in this workflow.</source>
        <translation>“%1”在此工作流中不指向任何内容。</translation>
    </message>
    <message>
        <source>There is no step &apos;%1&apos;.</source>
        <translation>不存在步骤“%1”。</translation>
    </message>
    <message>
        <source>A step cannot read its own output.</source>
        <translation>步骤不能读取自身的输出。</translation>
    </message>
    <message>
        <source>Step &apos;%1&apos; does not map over a list.</source>
        <translation>步骤“%1”不对列表进行映射。</translation>
    </message>
    <message>
        <source>the list to map over</source>
        <translation>要映射的列表</translation>
    </message>
    <message>
        <source>%1 of &apos;%2&apos; takes a %3; %4 is a %5.</source>
        <translation>步骤“%2”的 %1 需要%3类型；%4 是%5类型。</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>recovering</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>协调者</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>工作者</translation>
    </message>
    <message>
        <source>specialist</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>critic</source>
        <translation>批评者</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>deciding</source>
        <translation>决策中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>ErrorAdvice</name>
    <message>
        <source>Check the connection in the status bar; press F5 to try again once it is back.</source>
        <translation>请检查状态栏中的连接；恢复后按 F5 重试。</translation>
    </message>
    <message>
        <source>Connect again with a valid token (File › Connect…).</source>
        <translation>请使用有效令牌重新连接（文件 › 连接…）。</translation>
    </message>
    <message>
        <source>Your role does not allow this: connect with an operator or admin token (File › Connect…).</source>
        <translation>您的角色不允许此操作：请使用操作员或管理员令牌连接（文件 › 连接…）。</translation>
    </message>
    <message>
        <source>Correct the value named above and try again.</source>
        <translation>请更正上面指出的值后重试。</translation>
    </message>
    <message>
        <source>It changed meanwhile: press F5 to refresh the page, then try again.</source>
        <translation>它已在此期间发生变化：请按 F5 刷新页面后重试。</translation>
    </message>
    <message>
        <source>A limit was reached: wait a moment, or raise the limit, then try again.</source>
        <translation>已达到限制：请稍候或提高限制后重试。</translation>
    </message>
    <message>
        <source>Nothing else to do: it was cancelled.</source>
        <translation>无需其他操作：它已被取消。</translation>
    </message>
    <message>
        <source>Retry the task, or choose a strategy with a tie-break or a lower threshold.</source>
        <translation>请重试该任务，或选择带平局裁决或更低阈值的策略。</translation>
    </message>
    <message>
        <source>Check the provider&apos;s settings and key, then retry.</source>
        <translation>请检查提供方的设置和密钥后重试。</translation>
    </message>
    <message>
        <source>This daemon does not support it: update qwen-swarmd.</source>
        <translation>此守护进程不支持该操作：请升级 qwen-swarmd。</translation>
    </message>
    <message>
        <source>Press F5 to try again; if it persists, copy the Logs page into a report.</source>
        <translation>按 F5 重试；若问题持续，请将日志页面内容复制到报告中。</translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message>
        <source>Runs a workflow file without a window and prints its progress and outputs.</source>
        <translation>在无窗口模式下运行工作流文件，并打印其进度和输出。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>The workflow file (JSON).</source>
        <translation>工作流文件（JSON）。</translation>
    </message>
    <message>
        <source>The run&apos;s inputs: a JSON object, or @FILE.</source>
        <translation>运行的输入：一个 JSON 对象，或 @文件。</translation>
    </message>
    <message>
        <source>Run on the qwen-swarmd daemon at URL instead of an embedded core; the token comes from --token or QWEN_SWARM_TOKEN.</source>
        <translation>在 URL 处的 qwen-swarmd 守护进程上运行，而不是在内嵌核心上运行；令牌来自 --token 或 QWEN_SWARM_TOKEN。</translation>
    </message>
    <message>
        <source>JWT or API key.</source>
        <translation>JWT 或 API 密钥。</translation>
    </message>
    <message>
        <source>CA of the daemon&apos;s certificate.</source>
        <translation>守护进程证书的 CA。</translation>
    </message>
    <message>
        <source>Folder of the embedded core&apos;s database.</source>
        <translation>内嵌核心数据库所在的文件夹。</translation>
    </message>
    <message>
        <source>Keep the embedded core in memory.</source>
        <translation>将内嵌核心的数据只保存在内存中。</translation>
    </message>
    <message>
        <source>Approve every approval step as it comes.</source>
        <translation>自动批准每一个审批步骤。</translation>
    </message>
    <message>
        <source>Seed of the embedded core.</source>
        <translation>内嵌核心的随机种子。</translation>
    </message>
    <message>
        <source>Write the run&apos;s report to OUT.pdf, OUT.html, OUT.csv or OUT.json.</source>
        <translation>将运行报告写入 OUT.pdf、OUT.html、OUT.csv 或 OUT.json。</translation>
    </message>
    <message>
        <source>Do not run: estimate calls, tokens, cost and time per step from a run on simulated agents.</source>
        <translation>不实际运行：在模拟智能体上运行，以估算每个步骤的调用次数、令牌数、成本和耗时。</translation>
    </message>
</context>
<context>
    <name>LogEntry</name>
    <message>
        <source>agent #%1 removed</source>
        <translation>智能体 #%1 已移除</translation>
    </message>
    <message>
        <source>agent #%1: %2 → %3</source>
        <translation>智能体 #%1：%2 → %3</translation>
    </message>
    <message>
        <source>task #%1: %2 → %3, attempt %4</source>
        <translation>任务 #%1：%2 → %3，第 %4 次尝试</translation>
    </message>
    <message>
        <source>decision #%1 for task #%2: &quot;%3&quot;, %4% agreement</source>
        <translation>任务 #%2 的决策 #%1：“%3”，一致率 %4%</translation>
    </message>
    <message>
        <source>decision #%1 for task #%2: %3</source>
        <translation>任务 #%2 的决策 #%1：%3</translation>
    </message>
    <message>
        <source>run #%1 (%2): %3</source>
        <translation>运行 #%1（%2）：%3</translation>
    </message>
    <message>
        <source>run #%1 (%2), step %3: %4</source>
        <translation>运行 #%1（%2），步骤 %3：%4</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Reputation %1</source>
        <translation>声誉 %1</translation>
    </message>
    <message>
        <source>cannot create the data folder %1</source>
        <translation>无法创建数据文件夹 %1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Console::ConsoleSession</name>
    <message>
        <source>Embedded core</source>
        <translation>内嵌核心</translation>
    </message>
    <message>
        <source>The CA file %1 holds no readable PEM certificate: give the certificate of the CA that signed the daemon&apos;s certificate.</source>
        <translation>CA 文件 %1 中没有可读的 PEM 证书：请提供签发守护进程证书的 CA 证书。</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>TLS, private CA</source>
        <translation>TLS，私有 CA</translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>连接已断开</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Console::ConsoleShell</name>
    <message>
        <source>Qwen Swarm — %1</source>
        <translation>Qwen Swarm — %1</translation>
    </message>
    <message>
        <source>Qwen Swarm — %1 (%2)</source>
        <translation>Qwen Swarm — %1（%2）</translation>
    </message>
    <message>
        <source>Demo stopped: %1</source>
        <translation>演示已停止：%1</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>%1

The current connection stays open. Correct the profile in File › Connect… and try again.</source>
        <translation>%1

当前连接保持不变。请在“文件 › 连接…”中修正配置后重试。</translation>
    </message>
    <message>
        <source>Dry run of %1</source>
        <translation>%1 的试运行</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Console::ReportCommand</name>
    <message>
        <source>Exports a report on a workflow run, a decision or a time period as PDF, HTML, CSV or JSON, without a window.</source>
        <translation>在无窗口模式下，将某次工作流运行、某项决策或某个时间段的报告导出为 PDF、HTML、CSV 或 JSON。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>Report on the workflow run ID.</source>
        <translation>针对编号为 ID 的工作流运行生成报告。</translation>
    </message>
    <message>
        <source>Report on the decision ID and its task.</source>
        <translation>针对编号为 ID 的决策及其任务生成报告。</translation>
    </message>
    <message>
        <source>Report on the tasks and decisions created from this time on (ISO 8601, local time unless it names a zone).</source>
        <translation>针对自此时间起创建的任务和决策生成报告（ISO 8601；未指明时区时为本地时间）。</translation>
    </message>
    <message>
        <source>… and before this time (ISO 8601).</source>
        <translation>…且早于此时间（ISO 8601）。</translation>
    </message>
    <message>
        <source>The report file: OUT.pdf, OUT.html, OUT.csv or OUT.json.</source>
        <translation>报告文件：OUT.pdf、OUT.html、OUT.csv 或 OUT.json。</translation>
    </message>
    <message>
        <source>Read from the qwen-swarmd daemon at URL; the token comes from --token or QWEN_SWARM_TOKEN.</source>
        <translation>从位于 URL 的 qwen-swarmd 守护进程读取；令牌来自 --token 或 QWEN_SWARM_TOKEN。</translation>
    </message>
    <message>
        <source>JWT or API key.</source>
        <translation>JWT 或 API 密钥。</translation>
    </message>
    <message>
        <source>CA of the daemon&apos;s certificate.</source>
        <translation>守护进程证书的 CA。</translation>
    </message>
    <message>
        <source>Folder of the embedded core&apos;s database (default: the console&apos;s).</source>
        <translation>内嵌核心的数据库所在文件夹（默认：与控制台相同）。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentDetailWidget</name>
    <message>
        <source>Agent %1 (removed)</source>
        <translation>智能体 %1（已移除）</translation>
    </message>
    <message>
        <source>No agent selected</source>
        <translation>未选择智能体</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an agent to see its details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择一个智能体以查看详情。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>%1 concurrent calls, budget %2</source>
        <translation>%1 个并发调用，预算 %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>%1 (%2 errors, %3 in flight)</source>
        <translation>%1（%2 个错误，%3 个进行中）</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <source>%1 prompt, %2 completion</source>
        <translation>提示 %1，补全 %2</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>声誉</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cannot be read: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;无法读取：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Loading…&lt;/p&gt;</source>
        <translation>&lt;p&gt;正在加载…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing learned yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;尚未学习到任何内容。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 right (Beta %2, %3; %n update(s))</source>
        <translation>
            <numerusform>%1 正确（Beta %2, %3；%n 次更新）</numerusform>
        </translation>
    </message>
    <message>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>tag “%1”</source>
        <translation>标签“%1”</translation>
    </message>
    <message>
        <source>State history (since this page opened)</source>
        <translation>状态历史（自本页面打开以来）</translation>
    </message>
    <message>
        <source>&lt;p&gt;No lifecycle change seen yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;尚未观察到生命周期变化。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Plus %n idle ⇄ busy change(s) as calls started and finished.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;另有 %n 次随调用开始和结束而发生的空闲 ⇄ 忙碌变化。&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentGraphPage</name>
    <message>
        <source>Double-click an agent for its details, a swarm&apos;s background to collapse it; right-click for commands.</source>
        <translation>双击智能体查看详情，双击集群背景可将其折叠；右键单击打开命令菜单。</translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation>适应视图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Collapse all swarms</source>
        <translation>折叠所有集群(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xpand all swarms</source>
        <translation>展开所有集群(&amp;X)</translation>
    </message>
    <message>
        <source>Re-&amp;layout</source>
        <translation>重新布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export image…</source>
        <translation>导出图像(&amp;E)…</translation>
    </message>
    <message>
        <source>Find agent and focus (Enter)</source>
        <translation>查找并定位智能体（Enter）</translation>
    </message>
    <message>
        <source>No agent&apos;s name contains &quot;%1&quot;.</source>
        <translation>没有名称包含“%1”的智能体。</translation>
    </message>
    <message>
        <source>Live graph updates are off: %1</source>
        <translation>图谱实时更新已关闭：%1</translation>
    </message>
    <message>
        <source>The swarms cannot be listed: %1</source>
        <translation>无法列出集群：%1</translation>
    </message>
    <message>
        <source>The agents cannot be listed: %1</source>
        <translation>无法列出智能体：%1</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>未选择任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n agents selected.</source>
        <translation>
            <numerusform>已选择 %n 个智能体。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 — %4 calls, %5 errors, reputation %6. Double-click or Enter opens its details.</source>
        <translation>%1：%2，%3 — %4 次调用，%5 个错误，声誉 %6。双击或按 Enter 打开详情。</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Play the last minutes forward from the slider&apos;s position</source>
        <translation>从滑块位置起向前播放最近几分钟</translation>
    </message>
    <message>
        <source>Drag left to see the agents&apos; states of the last ten minutes</source>
        <translation>向左拖动可查看最近十分钟内智能体的状态</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>from the agent graph</source>
        <translation>来自智能体图谱</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Open agent details</source>
        <translation>打开智能体详情</translation>
    </message>
    <message>
        <source>Expand swarm</source>
        <translation>展开集群</translation>
    </message>
    <message>
        <source>Collapse swarm</source>
        <translation>折叠集群</translation>
    </message>
    <message>
        <source>Zoom to swarm</source>
        <translation>缩放至集群</translation>
    </message>
    <message>
        <source>Qwen Swarm agent graph</source>
        <translation>Qwen Swarm 智能体图谱</translation>
    </message>
    <message>
        <source>Export agent graph</source>
        <translation>导出智能体图谱</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Graph exported to %1</source>
        <translation>图谱已导出到 %1</translation>
    </message>
    <message>
        <source>The graph could not be written to %1.</source>
        <translation>无法将图谱写入 %1。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentsModel</name>
    <message>
        <source>Agent changes are not followed: %1</source>
        <translation>未能跟踪智能体变更：%1</translation>
    </message>
    <message>
        <source>The agents cannot be listed: %1</source>
        <translation>无法列出智能体：%1</translation>
    </message>
    <message>
        <source>Reputations cannot be read: %1</source>
        <translation>无法读取声誉：%1</translation>
    </message>
    <message>
        <source>%1 since %2: %3</source>
        <translation>%1，自 %2 起：%3</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>声誉</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Agent %1 cannot be read: %2</source>
        <translation>无法读取智能体 %1：%2</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AgentsPage</name>
    <message>
        <source>Filter by name, model, provider, tag, role or swarm</source>
        <translation>按名称、模型、提供方、标签、角色或集群筛选</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>&amp;Spawn agent…</source>
        <translation>创建智能体(&amp;S)…</translation>
    </message>
    <message>
        <source>%1 the selected agents (%2)</source>
        <translation>%1选中的智能体（%2）</translation>
    </message>
    <message>
        <source>Select one or more agents first.</source>
        <translation>请先选择一个或多个智能体。</translation>
    </message>
    <message>
        <source>from the console</source>
        <translation>来自控制台</translation>
    </message>
    <message>
        <source>Agent %1 spawned.</source>
        <translation>已创建智能体 %1。</translation>
    </message>
    <message>
        <source>All swarms</source>
        <translation>所有集群</translation>
    </message>
    <message>
        <source>%1 of %2 agents</source>
        <translation>%1 / %2 个智能体</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ApprovalDialog</name>
    <message>
        <source>Approve step %1 of run %2</source>
        <translation>审批运行 %2 的步骤 %1</translation>
    </message>
    <message>
        <source>Read what the step passes on. Approve it as it is, edit it before approving, or reject it (the run then fails).</source>
        <translation>请阅读该步骤要传递的内容。可原样批准、编辑后批准，或拒绝（运行随即失败）。</translation>
    </message>
    <message>
        <source>Text the step passes on</source>
        <translation>该步骤传递的文本</translation>
    </message>
    <message>
        <source>Why (kept with the run)</source>
        <translation>原因（随运行保存）</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>拒绝(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Approve edited</source>
        <translation>批准编辑后的内容(&amp;A)</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::AuditModel</name>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::BannerWidget</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::BatchOperation</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: done for %n item(s).</source>
        <translation>
            <numerusform>%1：已完成 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed for %2 of %3: %4</source>
        <translation>%1 在 %3 项中有 %2 项失败：%4</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n item(s) left as they were.</source>
        <translation>
            <numerusform>已取消：%n 项保持原样。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::BatchProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Send no more of this action; what was already sent still completes</source>
        <translation>不再发送此操作；已发送的仍会完成</translation>
    </message>
    <message>
        <source>%1: cancelling…</source>
        <translation>%1：正在取消…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::CommandPaletteDialog</name>
    <message>
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Agent name, task or decision id (#42), words of a task, or an action</source>
        <translation>智能体名称、任务或决策编号（#42）、任务中的词语或某个操作</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>没有与“%1”匹配的项。</translation>
    </message>
    <message>
        <source>↑ ↓ to choose · Enter to open · Esc to close</source>
        <translation>↑ ↓ 选择 · 回车打开 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::CommandPaletteModel</name>
    <message>
        <source>Agent %1</source>
        <translation>智能体 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>decided “%1” (%2)</source>
        <translation>决定“%1”（%2）</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Decision %1</source>
        <translation>决策 %1</translation>
    </message>
    <message>
        <source>task %1 · %2</source>
        <translation>任务 %1 · %2</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConnectionBar</name>
    <message>
        <source>&amp;Retry now</source>
        <translation>立即重试(&amp;R)</translation>
    </message>
    <message>
        <source>Connection &amp;settings…</source>
        <translation>连接设置(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConnectionDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Embedded core (runs inside this console)</source>
        <translation>内嵌核心（在本控制台内运行）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remote daemon (qwen-swarmd)</source>
        <translation>远程守护进程（qwen-swarmd）(&amp;R)</translation>
    </message>
    <message>
        <source>Run the &amp;demo swarm</source>
        <translation>运行演示集群(&amp;D)</translation>
    </message>
    <message>
        <source>Keep data in &amp;memory only</source>
        <translation>数据仅保存在内存中(&amp;M)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation>不变（保存在钥匙串中）</translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <source>the platform&apos;s data folder</source>
        <translation>平台数据文件夹</translation>
    </message>
    <message>
        <source>Saved &amp;profiles:</source>
        <translation>已保存的配置(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation>数据文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Token (JWT or API key):</source>
        <translation>令牌（JWT 或 API 密钥）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为配置命名。</translation>
    </message>
    <message>
        <source>The CA file %1 does not exist: choose the PEM file of the CA that signed the daemon&apos;s certificate, or leave it empty to trust the system&apos;s.</source>
        <translation>CA 文件 %1 不存在：请选择签发守护进程证书的 CA 的 PEM 文件，或留空以信任系统证书。</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConnectionStatusWidget</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Embedded core</source>
        <translation>内嵌核心</translation>
    </message>
    <message>
        <source>%1 store · v%2</source>
        <translation>%1 存储 · v%2</translation>
    </message>
    <message>
        <source>%1
Providers: %2
Strategies: %3</source>
        <translation>%1
提供方：%2
策略：%3</translation>
    </message>
    <message>
        <source>The orchestration core runs inside this console.</source>
        <translation>编排核心运行在本控制台内。</translation>
    </message>
    <message>
        <source>Attached to the daemon at %1</source>
        <translation>已连接到位于 %1 的守护进程</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>%1 ms round trip</source>
        <translation>往返 %1 毫秒</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ConsensusPage</name>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Feedback recorded; the agents&apos; reputations moved (see the chart).</source>
        <translation>反馈已记录；智能体的声誉已随之变化（见图表）。</translation>
    </message>
    <message>
        <source>&amp;Compare two selected decisions</source>
        <translation>比较选中的两项决策(&amp;C)</translation>
    </message>
    <message>
        <source>Select one or two decisions to compare.</source>
        <translation>请选择一项或两项决策进行比较。</translation>
    </message>
    <message>
        <source>&amp;Back to one decision</source>
        <translation>返回单项决策(&amp;B)</translation>
    </message>
    <message>
        <source>Follow &amp;live decisions</source>
        <translation>跟踪实时决策(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reload decisions</source>
        <translation>重新加载决策(&amp;R)</translation>
    </message>
    <message>
        <source>All strategies</source>
        <translation>所有策略</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>agreement ≥ </source>
        <translation>一致率 ≥ </translation>
    </message>
    <message>
        <source>≤ </source>
        <translation>≤ </translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最近 1 天</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Follow the newest decisions as they are made</source>
        <translation>在决策产生时实时跟踪最新决策</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare the two selected decisions side by side</source>
        <translation>并排比较选中的两项决策</translation>
    </message>
    <message>
        <source>All swarms</source>
        <translation>所有集群</translation>
    </message>
    <message numerus="yes">
        <source>%n decisions shown, more available</source>
        <translation>
            <numerusform>已显示 %n 项决策，还有更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions</source>
        <translation>
            <numerusform>%n 项决策</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export decision report…</source>
        <translation>导出决策报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Select a decision to report on.</source>
        <translation>请选择要生成报告的决策。</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DashboardPage</name>
    <message>
        <source>Metrics cannot be read</source>
        <translation>无法读取指标</translation>
    </message>
    <message>
        <source>&amp;Pause charts</source>
        <translation>暂停图表(&amp;P)</translation>
    </message>
    <message>
        <source>Freeze the charts to read them; sampling goes on (%1)</source>
        <translation>冻结图表以便查看；采样继续进行（%1）</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>显示最近 %1</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>per s</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Decision latency</source>
        <translation>决策延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Agent calls</source>
        <translation>智能体调用</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>$ per min</source>
        <translation>美元/分钟</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>错误率</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>failed calls</source>
        <translation>失败调用</translation>
    </message>
    <message>
        <source>failed tasks</source>
        <translation>失败任务</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Agents by state</source>
        <translation>各状态智能体</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停机</translation>
    </message>
    <message>
        <source>Time from a task&apos;s acceptance to its decision (task duration), quantiles of the tasks that finished in the last few seconds.</source>
        <translation>从任务被接受到作出决策的时间（任务耗时），为最近几秒内完成任务的分位数。</translation>
    </message>
    <message>
        <source>Resume &amp;charts</source>
        <translation>继续图表(&amp;C)</translation>
    </message>
    <message>
        <source>Waiting for the first metrics…</source>
        <translation>正在等待首批指标…</translation>
    </message>
    <message numerus="yes">
        <source>Last sample %1 · %n sample(s) kept</source>
        <translation>
            <numerusform>最近采样 %1 · 保留 %n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused — sampling goes on · %1</source>
        <translation>已暂停 — 采样继续 · %1</translation>
    </message>
    <message>
        <source>The charts show what this console sampled since it opened, a point a second for the last hour, and before that the core&apos;s own per-minute roll-ups (kept eight days), a point a minute for 24 hours.</source>
        <translation>图表显示本控制台自打开以来的采样，最近一小时内每秒一个点；更早的部分取自核心自身的每分钟汇总（保留八天），24 小时内每分钟一个点。</translation>
    </message>
    <message>
        <source>&amp;Export report of this window…</source>
        <translation>导出此时间窗口的报告(&amp;E)…</translation>
    </message>
    <message>
        <source>The tasks and decisions of the window the charts show, as PDF, HTML, CSV or JSON</source>
        <translation>图表所示时间窗口内的任务与决策，导出为 PDF、HTML、CSV 或 JSON</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DecisionChartsWidget</name>
    <message>
        <source>Votes per round</source>
        <translation>每轮票数</translation>
    </message>
    <message>
        <source>Agreement over rounds</source>
        <translation>各轮一致率</translation>
    </message>
    <message>
        <source>R%1</source>
        <translation>第%1轮</translation>
    </message>
    <message>
        <source>leader&apos;s share</source>
        <translation>领先答案占比</translation>
    </message>
    <message>
        <source>required</source>
        <translation>所需阈值</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DecisionDetailWidget</name>
    <message>
        <source>Raw answers</source>
        <translation>原始答案</translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <source>✗ Wrong</source>
        <translation>✗ 错误</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why&lt;/b&gt;</source>
        <translation>&lt;b&gt;原因&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This decision was right: trust the agents that agreed with it more</source>
        <translation>此决策正确：提高对赞同它的智能体的信任</translation>
    </message>
    <message>
        <source>This decision was wrong: trust the agents that agreed with it less</source>
        <translation>此决策错误：降低对赞同它的智能体的信任</translation>
    </message>
    <message>
        <source>Decision %1 cannot be read: %2</source>
        <translation>无法读取决策 %1：%2</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a decision to see its rounds, votes and why.&lt;/i&gt;</source>
        <translation>&lt;i&gt;选择一项决策以查看其各轮投票及决策原因。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decision #%1&lt;/b&gt; · task #%2 · %3 &lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt; · %5</source>
        <translation>&lt;b&gt;决策 #%1&lt;/b&gt; · 任务 #%2 · %3 &lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt; · %5</translation>
    </message>
    <message>
        <source>Marked right by %1</source>
        <translation>%1 标记为正确</translation>
    </message>
    <message>
        <source>Marked wrong by %1</source>
        <translation>%1 标记为错误</translation>
    </message>
    <message>
        <source>Was this decision right?</source>
        <translation>此决策是否正确？</translation>
    </message>
    <message>
        <source>Winner &lt;b style=&apos;color:%1&apos;&gt;&apos;%2&apos;&lt;/b&gt; · agreement %3 · rule: %4</source>
        <translation>胜出答案 &lt;b style=&apos;color:%1&apos;&gt;“%2”&lt;/b&gt; · 一致率 %3 · 规则：%4</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#c00&apos;&gt;No decision&lt;/b&gt; · rule: %1</source>
        <translation>&lt;b style=&apos;color:#c00&apos;&gt;未决定&lt;/b&gt; · 规则：%1</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#c00&apos;&gt;dissenters: %1&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#c00&apos;&gt;异议者：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Byzantine: n = %1, f = %2, 2f+1 = %3; counted toward it: %4 (marked ✓)</source>
        <translation>&lt;br&gt;拜占庭：n = %1，f = %2，2f+1 = %3；计入胜出答案：%4（标记为 ✓）</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>Raw answer:
%1

Rationale: %2
%3 ms · %4 + %5 tokens · %6</source>
        <translation>原始答案：
%1

理由：%2
%3 ms · %4 + %5 个令牌 · %6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Dissenter: voted for another answer than the decided one</source>
        <translation>异议者：投票给了决策结果以外的答案</translation>
    </message>
    <message>
        <source>Judge(s)</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Proposers</source>
        <translation>提议者</translation>
    </message>
    <message>
        <source>Refined (layer %1)</source>
        <translation>改进（第 %1 层）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Flow&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;流程&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>from the consensus view</source>
        <translation>来自共识视图</translation>
    </message>
    <message>
        <source>Feedback was not recorded: %1</source>
        <translation>反馈未能记录：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DecisionListModel</name>
    <message>
        <source>Live decisions are off: %1</source>
        <translation>实时决策已关闭：%1</translation>
    </message>
    <message>
        <source>Decisions cannot be listed: %1</source>
        <translation>无法列出决策：%1</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DesignerPage</name>
    <message>
        <source>These ports do not connect: %1</source>
        <translation>这些端口无法连接：%1</translation>
    </message>
    <message>
        <source>The core refused: %1</source>
        <translation>核心拒绝了请求：%1</translation>
    </message>
    <message>
        <source>Run #%1 started.</source>
        <translation>运行 #%1 已开始。</translation>
    </message>
    <message>
        <source>Run #%1 %2.</source>
        <translation>运行 #%1：%2。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>&amp;New workflow</source>
        <translation>新建工作流(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open workflow…</source>
        <translation>打开工作流(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save workflow</source>
        <translation>保存工作流(&amp;S)</translation>
    </message>
    <message>
        <source>Save workflow &amp;as…</source>
        <translation>工作流另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Co&amp;mpare with file…</source>
        <translation>与文件比较(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation>添加任务(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;map task</source>
        <translation>添加映射任务(&amp;M)</translation>
    </message>
    <message>
        <source>Add a&amp;pproval</source>
        <translation>添加审批(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Auto-&amp;layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;nap to grid</source>
        <translation>对齐网格(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation>适应视图(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>运行(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lear run colours</source>
        <translation>清除运行着色(&amp;L)</translation>
    </message>
    <message>
        <source>Dr&amp;y run…</source>
        <translation>试运行(&amp;Y)…</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Drag an output (right of a node) onto an input (left) to connect; drag a connected input away to disconnect.

Wheel: zoom. Middle button or Space: pan.</source>
        <translation>将输出（节点右侧）拖到输入（左侧）上即可连接；将已连接的输入拖开即可断开。

滚轮：缩放。中键或 Space：平移。</translation>
    </message>
    <message>
        <source>Click a problem to go to its step.</source>
        <translation>单击问题可跳转到对应步骤。</translation>
    </message>
    <message>
        <source>reads a %1 (%2); it takes a %3</source>
        <translation>读取的是%1（%2）；它需要%3</translation>
    </message>
    <message>
        <source>No problems: the workflow validates.</source>
        <translation>没有问题：工作流校验通过。</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Offline: connect to a core to run (designing works without one).</source>
        <translation>离线：需连接到核心才能运行（不连接也可进行设计）。</translation>
    </message>
    <message numerus="yes">
        <source>The workflow has %n problem(s): fix them to run it.</source>
        <translation>
            <numerusform>工作流有 %n 个问题：修复后才能运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>A run of this workflow is under way.</source>
        <translation>此工作流正在运行中。</translation>
    </message>
    <message>
        <source>Run the workflow on the connected core</source>
        <translation>在已连接的核心上运行工作流</translation>
    </message>
    <message>
        <source>Starting a run…</source>
        <translation>正在启动运行…</translation>
    </message>
    <message>
        <source>Run #%1: %2</source>
        <translation>运行 #%1：%2</translation>
    </message>
    <message>
        <source>Ready to run on the connected core.</source>
        <translation>已就绪，可在已连接的核心上运行。</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>this workflow</source>
        <translation>此工作流</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n step(s).</source>
        <translation>
            <numerusform>已复制 %n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to paste: %1</source>
        <translation>没有可粘贴的内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n step(s)</source>
        <translation>
            <numerusform>粘贴 %n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Approve, edit or reject…</source>
        <translation>批准、编辑或拒绝(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>属性(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit the workflow&apos;s inputs</source>
        <translation>编辑工作流的输入(&amp;E)</translation>
    </message>
    <message>
        <source>Add &amp;task here</source>
        <translation>在此添加任务(&amp;T)</translation>
    </message>
    <message>
        <source>Add &amp;map task here</source>
        <translation>在此添加映射任务(&amp;M)</translation>
    </message>
    <message>
        <source>Add a&amp;pproval here</source>
        <translation>在此添加审批(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Paste here</source>
        <translation>粘贴到此处(&amp;P)</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DesignerScene</name>
    <message>
        <source>Move connection %1</source>
        <translation>移动连接 %1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::DryRunDialog</name>
    <message>
        <source>Dry run of %1</source>
        <translation>%1 的试运行</translation>
    </message>
    <message>
        <source>Running the workflow on simulated agents, offline, approving every approval step. Nothing is sent to a model provider.</source>
        <translation>正在离线使用模拟智能体运行工作流，并自动批准每个审批步骤。不会向任何模型提供方发送内容。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Model calls</source>
        <translation>模型调用</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>%v / %m 个步骤</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Estimate from a dry run on simulated agents: %1 model calls, %2, about %3.</source>
        <translation>基于模拟智能体试运行的估算：%1 次模型调用，%2，约 %3。</translation>
    </message>
    <message>
        <source>The dry run ended %1: %2. The figures cover the steps it reached.</source>
        <translation>试运行结束，状态为%1：%2。这些数据仅涵盖已执行到的步骤。</translation>
    </message>
    <message>
        <source>The dry run could not run: %1</source>
        <translation>试运行未能进行：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::GraphMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>概览：单击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::LogsPage</name>
    <message>
        <source>Live log</source>
        <translation>实时日志</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>&amp;Pause log</source>
        <translation>暂停日志(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy log lines</source>
        <translation>复制日志行(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected lines, or every line shown when none is selected</source>
        <translation>复制选中的行；未选中时复制所有显示的行</translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation>清空日志(&amp;L)</translation>
    </message>
    <message>
        <source>Load &amp;older audit entries</source>
        <translation>加载更早的审计记录(&amp;O)</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>搜索日志…</translation>
    </message>
    <message>
        <source>The live log is not followed: %1. Press F5 to try again; if it persists, check the connection in the status bar.</source>
        <translation>未能跟踪实时日志：%1。按 F5 重试；若问题持续，请检查状态栏中的连接。</translation>
    </message>
    <message>
        <source>Live audit events are not followed: %1</source>
        <translation>未能跟踪实时审计事件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) were not received (seq %1–%2): the console was too slow or reconnected late.</source>
        <translation>
            <numerusform>有 %n 个事件未收到（序号 %1–%2）：控制台处理过慢或重连过晚。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume &amp;log</source>
        <translation>继续日志(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>%n log line(s) copied.</source>
        <translation>
            <numerusform>已复制 %n 行日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail is for administrators; this connection&apos;s role is %1. Connect with an admin token to see it.</source>
        <translation>审计记录仅对管理员开放；此连接的角色为 %1。请使用管理员令牌连接后查看。</translation>
    </message>
    <message>
        <source>Loading the audit trail…</source>
        <translation>正在加载审计记录…</translation>
    </message>
    <message>
        <source>The audit trail cannot be read: %1. Press F5 to try again.</source>
        <translation>无法读取审计记录：%1。按 F5 重试。</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry(ies), all loaded; new ones appear on top.</source>
        <translation>
            <numerusform>共 %n 条审计记录，已全部加载；新记录显示在顶部。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry(ies) loaded, newest first.</source>
        <translation>
            <numerusform>已加载 %n 条审计记录，最新的在前。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s)</source>
        <translation>
            <numerusform>%1 / %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · paused, %n new</source>
        <translation>
            <numerusform> · 已暂停，%n 条新内容</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::MainWindow</name>
    <message>
        <source>Qwen Swarm</source>
        <translation>Qwen Swarm</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Agent graph</source>
        <translation>智能体关系图</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表盘(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>智能体(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>Agent &amp;graph</source>
        <translation>智能体关系图(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Consensus</source>
        <translation>共识(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find in page</source>
        <translation>在页面中查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh page</source>
        <translation>刷新页面(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>%1页面</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>关系图(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Qwen Swarm</source>
        <translation>关于 Qwen Swarm(&amp;A)</translation>
    </message>
    <message>
        <source>About Qwen Swarm</source>
        <translation>关于 Qwen Swarm</translation>
    </message>
    <message>
        <source>Qwen Swarm %1
Operations console for multi-agent LLM swarms.

%2</source>
        <translation>Qwen Swarm %1
多智能体 LLM 集群运维控制台。

%2</translation>
    </message>
    <message>
        <source>The backend does not answer: %1. The console keeps trying; pages refresh when it is back.</source>
        <translation>后端无响应：%1。控制台会继续重试；恢复后页面会自动刷新。</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>未连接：%1</translation>
    </message>
    <message>
        <source>Decision %1 cannot be opened: %2</source>
        <translation>无法打开决策 %1：%2</translation>
    </message>
    <message>
        <source>The dashboard is live; nothing to refresh.</source>
        <translation>仪表盘实时更新，无需刷新。</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>连接问题</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>模型提供方</translation>
    </message>
    <message>
        <source>&amp;Providers</source>
        <translation>模型提供方(&amp;P)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Designer</source>
        <translation>设计器</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>运行记录(&amp;R)</translation>
    </message>
    <message>
        <source>Workflow d&amp;esigner</source>
        <translation>工作流设计器(&amp;E)</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>运行记录(&amp;U)</translation>
    </message>
    <message>
        <source>D&amp;esigner</source>
        <translation>设计器(&amp;E)</translation>
    </message>
    <message>
        <source>Run %1 started: follow it on the Runs page (Ctrl+8)</source>
        <translation>运行 %1 已开始：可在“运行”页面跟踪（Ctrl+8）</translation>
    </message>
    <message>
        <source>The designer follows the core by itself; nothing to refresh.</source>
        <translation>设计器会自动与核心同步，无需刷新。</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>语言(&amp;A)</translation>
    </message>
    <message>
        <source>The console speaks the chosen language from its next start.</source>
        <translation>控制台将在下次启动时使用所选语言。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::MetricChartWidget</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1: %2 %3 at %4</source>
        <translation>%1：%4 时为 %2 %3</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::MetricsHistory</name>
    <message>
        <source>Metrics cannot be read: %1</source>
        <translation>无法读取指标：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ProviderEditDialog</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Qwen (DashScope international)</source>
        <translation>通义千问（DashScope 国际站）</translation>
    </message>
    <message>
        <source>Qwen (DashScope mainland China)</source>
        <translation>通义千问（DashScope 中国内地）</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>vLLM (local)</source>
        <translation>vLLM（本地）</translation>
    </message>
    <message>
        <source>Ollama (local)</source>
        <translation>Ollama（本地）</translation>
    </message>
    <message>
        <source>llama.cpp server (local)</source>
        <translation>llama.cpp 服务器（本地）</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Stream answers (server-sent events)</source>
        <translation>流式返回回答（服务器发送事件）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Add provider</source>
        <translation>添加提供方</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>Send one tiny request with these settings, before saving them</source>
        <translation>保存之前，用这些设置发送一个极小的请求</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose a preset to fill the form…</source>
        <translation>选择预设以填写表单…</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>What agents name, e.g. qwen</source>
        <translation>智能体引用的名称，例如 qwen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>兼容 OpenAI</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>For agents that name no model, e.g. qwen-plus</source>
        <translation>供未指定模型的智能体使用，例如 qwen-plus</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>Calls at once</source>
        <translation>并发调用数</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>每分钟请求数</translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation>每分钟令牌数</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>每百万输入令牌价格</translation>
    </message>
    <message>
        <source>Output price per million tokens</source>
        <translation>每百万输出令牌价格</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>per million tokens</source>
        <translation>每百万令牌</translation>
    </message>
    <message>
        <source>Price (USD)</source>
        <translation>价格（美元）</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Where the API key comes from</source>
        <translation>API 密钥的来源</translation>
    </message>
    <message>
        <source>No key (a local server)</source>
        <translation>无密钥（本地服务器）</translation>
    </message>
    <message>
        <source>Environment variable of the core</source>
        <translation>核心的环境变量</translation>
    </message>
    <message>
        <source>System keychain (typed here once)</source>
        <translation>系统钥匙串（在此输入一次）</translation>
    </message>
    <message>
        <source>Environment variable that holds the key</source>
        <translation>保存密钥的环境变量</translation>
    </message>
    <message>
        <source>Variable name, e.g. DASHSCOPE_API_KEY</source>
        <translation>变量名，例如 DASHSCOPE_API_KEY</translation>
    </message>
    <message>
        <source>The model the server serves, e.g. qwen2.5:7b-instruct</source>
        <translation>服务器提供的模型，例如 qwen2.5:7b-instruct</translation>
    </message>
    <message>
        <source>Edit provider %1</source>
        <translation>编辑提供方 %1</translation>
    </message>
    <message>
        <source>System keychain of an embedded console</source>
        <translation>内嵌控制台的系统钥匙串</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>不变（保存在系统钥匙串中）</translation>
    </message>
    <message>
        <source>Attached to a remote daemon: keys live in the daemon&apos;s environment. Set the variable where qwen-swarmd runs, then restart it.</source>
        <translation>已连接到远程守护进程：密钥保存在守护进程的环境中。请在运行 qwen-swarmd 的机器上设置该变量，然后重启它。</translation>
    </message>
    <message>
        <source>The embedded core reads the variable from this console&apos;s environment.</source>
        <translation>内嵌核心从本控制台的环境中读取该变量。</translation>
    </message>
    <message>
        <source>The key goes to the system keychain and to the core; it is never shown again.</source>
        <translation>密钥会保存到系统钥匙串并交给核心；之后不会再显示。</translation>
    </message>
    <message>
        <source>A remote daemon cannot read this console&apos;s keychain: choose an environment variable of the daemon instead.</source>
        <translation>远程守护进程无法读取本控制台的钥匙串：请改用守护进程的环境变量。</translation>
    </message>
    <message>
        <source>Keys live in the daemon&apos;s environment; the system keychain is offered only with the embedded core.</source>
        <translation>密钥保存在守护进程的环境中；只有内嵌核心才提供系统钥匙串。</translation>
    </message>
    <message>
        <source>For local servers (vLLM, Ollama, llama.cpp) that ask for no key.</source>
        <translation>用于不需要密钥的本地服务器（vLLM、Ollama、llama.cpp）。</translation>
    </message>
    <message>
        <source>Testing %1… (a tiny request, at most 30 s)</source>
        <translation>正在测试 %1…（一个极小的请求，最多 30 秒）</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>未测试：%1</translation>
    </message>
    <message>
        <source>OK in %1 ms: %2</source>
        <translation>成功，用时 %1 毫秒：%2</translation>
    </message>
    <message>
        <source>Failed after %1 ms: %2</source>
        <translation>%1 毫秒后失败：%2</translation>
    </message>
    <message>
        <source>Paste the provider&apos;s API key: it is kept in the system keychain, never shown again.</source>
        <translation>请粘贴该提供方的 API 密钥：它会保存在系统钥匙串中，之后不会再显示。</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>memory only, until the console quits (no keychain)</source>
        <translation>仅内存中，直到控制台退出（无钥匙串）</translation>
    </message>
    <message>
        <source>The provider was not saved: %1</source>
        <translation>提供方未保存：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ProvidersModel</name>
    <message>
        <source>%1: $%2 in, $%3 out per million tokens</source>
        <translation>%1：每百万令牌输入 $%2，输出 $%3</translation>
    </message>
    <message>
        <source>Key reference: %1</source>
        <translation>密钥引用：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>Defined by</source>
        <translation>定义来源</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>熔断器</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>无密钥</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>configuration file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>present (%1)</source>
        <translation>已有（%1）</translation>
    </message>
    <message>
        <source>missing (%1)</source>
        <translation>缺失（%1）</translation>
    </message>
    <message>
        <source>the core has no key for it</source>
        <translation>核心没有它的密钥</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>闭合</translation>
    </message>
    <message>
        <source>open</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>半开</translation>
    </message>
    <message>
        <source>Closed: calls go through.</source>
        <translation>闭合：调用正常通过。</translation>
    </message>
    <message>
        <source>Open: the provider failed again and again; calls are refused for a while.</source>
        <translation>断开：该提供方连续失败；一段时间内拒绝调用。</translation>
    </message>
    <message>
        <source>Half-open: a few calls try the provider again.</source>
        <translation>半开：少量调用重新尝试该提供方。</translation>
    </message>
    <message>
        <source>This provider has no circuit breaker.</source>
        <translation>该提供方没有熔断器。</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) at once</source>
        <translation>
            <numerusform>同时 %n 个调用</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 requests/min</source>
        <translation>%1 次请求/分钟</translation>
    </message>
    <message>
        <source>%1 tokens/min</source>
        <translation>%1 个令牌/分钟</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ProvidersPage</name>
    <message>
        <source>Model providers</source>
        <translation>模型提供方</translation>
    </message>
    <message>
        <source>&amp;Add provider…</source>
        <translation>添加提供方(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit provider…</source>
        <translation>编辑提供方(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;move provider…</source>
        <translation>移除提供方(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Refresh providers</source>
        <translation>刷新提供方(&amp;R)</translation>
    </message>
    <message>
        <source>Send one tiny request to the selected provider (%1)</source>
        <translation>向所选提供方发送一个极小的请求（%1）</translation>
    </message>
    <message>
        <source>About the selected provider</source>
        <translation>关于所选提供方</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>The providers are not listed: %1</source>
        <translation>无法列出提供方：%1</translation>
    </message>
    <message>
        <source>The system keychain holds no key for %1: edit the provider and paste its key.</source>
        <translation>系统钥匙串中没有 %1 的密钥：请编辑该提供方并粘贴其密钥。</translation>
    </message>
    <message>
        <source>Select a provider to test it. Providers you add here can be edited and removed.</source>
        <translation>选择一个提供方即可测试。在此添加的提供方可以编辑和移除。</translation>
    </message>
    <message>
        <source>%1 is built into the core (simulated answers, no network): it can be tested, not edited or removed.</source>
        <translation>%1 内置于核心（模拟回答，不联网）：可以测试，但不能编辑或移除。</translation>
    </message>
    <message>
        <source>%1 is defined by the configuration file of the core: it is read-only here. Change it in that file, then restart the core.</source>
        <translation>%1 由核心的配置文件定义：此处只读。请在该文件中修改，然后重启核心。</translation>
    </message>
    <message>
        <source>%1 was added from the console: edit, test or remove it here.</source>
        <translation>%1 是从控制台添加的：可在此编辑、测试或移除。</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) call it: remove them before removing it.</source>
        <translation>
            <numerusform>有 %n 个智能体调用它：请先移除这些智能体再移除它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Its API key is missing: %1.</source>
        <translation>缺少其 API 密钥：%1。</translation>
    </message>
    <message>
        <source>Select the provider to edit first.</source>
        <translation>请先选择要编辑的提供方。</translation>
    </message>
    <message>
        <source>Provider %1 saved.</source>
        <translation>提供方 %1 已保存。</translation>
    </message>
    <message>
        <source>Provider %1 saved; its key is kept in %2.</source>
        <translation>提供方 %1 已保存；其密钥保存在%2。</translation>
    </message>
    <message>
        <source>Select the provider to test first.</source>
        <translation>请先选择要测试的提供方。</translation>
    </message>
    <message>
        <source>Testing %1… (a tiny request, at most 30 s)</source>
        <translation>正在测试 %1…（一个极小的请求，最多 30 秒）</translation>
    </message>
    <message>
        <source>%1 was not tested: %2</source>
        <translation>%1 未测试：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Select the provider to remove first.</source>
        <translation>请先选择要移除的提供方。</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>移除提供方</translation>
    </message>
    <message>
        <source>Remove provider %1? Agents can no longer name it.</source>
        <translation>移除提供方 %1？之后智能体将无法再引用它。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Provider %1 was not removed: %2.</source>
        <translation>提供方 %1 未移除：%2。</translation>
    </message>
    <message>
        <source>Provider %1 was not removed: %2</source>
        <translation>提供方 %1 未移除：%2</translation>
    </message>
    <message>
        <source>Provider %1 removed.</source>
        <translation>提供方 %1 已移除。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RecentDecisionsWidget</name>
    <message>
        <source>Newest decisions</source>
        <translation>最新决策</translation>
    </message>
    <message>
        <source>Task %1 — decided “%2” with %3% agreement</source>
        <translation>任务 %1 — 以 %3% 的一致率决定“%2”</translation>
    </message>
    <message>
        <source>Task %1 — no decision</source>
        <translation>任务 %1 — 未决定</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportCollector</name>
    <message>
        <source>the period ends before it begins</source>
        <translation>时间段的结束时间早于开始时间</translation>
    </message>
    <message>
        <source>the period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Asking the core what it is</source>
        <translation>正在查询核心信息</translation>
    </message>
    <message>
        <source>the core&apos;s description</source>
        <translation>核心的描述信息</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Reading run #%1</source>
        <translation>正在读取运行 #%1</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>运行 #%1</translation>
    </message>
    <message>
        <source>Reading decision #%1</source>
        <translation>正在读取决策 #%1</translation>
    </message>
    <message>
        <source>decision #%1</source>
        <translation>决策 #%1</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n task(s)</source>
        <translation>
            <numerusform>正在读取 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading tasks: %1 of %2</source>
        <translation>正在读取任务：%1 / %2</translation>
    </message>
    <message>
        <source>the tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Reading decisions: %1 of %2 tasks</source>
        <translation>正在读取决策：%1 / %2 个任务</translation>
    </message>
    <message>
        <source>the decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Reading the period&apos;s tasks</source>
        <translation>正在读取该时间段的任务</translation>
    </message>
    <message>
        <source>Reading the period&apos;s tasks: %1</source>
        <translation>正在读取该时间段的任务：%1</translation>
    </message>
    <message>
        <source>the period&apos;s tasks</source>
        <translation>该时间段的任务</translation>
    </message>
    <message>
        <source>Reading the period&apos;s decisions</source>
        <translation>正在读取该时间段的决策</translation>
    </message>
    <message>
        <source>Reading the period&apos;s decisions: %1</source>
        <translation>正在读取该时间段的决策：%1</translation>
    </message>
    <message>
        <source>the period&apos;s decisions</source>
        <translation>该时间段的决策</translation>
    </message>
    <message>
        <source>Reading the agents</source>
        <translation>正在读取智能体</translation>
    </message>
    <message>
        <source>the agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Reading how the agents&apos; reputations changed</source>
        <translation>正在读取智能体声誉的变化</translation>
    </message>
    <message>
        <source>Reading reputation changes: %1</source>
        <translation>正在读取声誉变化：%1</translation>
    </message>
    <message>
        <source>the reputation history</source>
        <translation>声誉历史</translation>
    </message>
    <message>
        <source>Reading reputations before: %1 of %2</source>
        <translation>正在读取此前的声誉：%1 / %2</translation>
    </message>
    <message>
        <source>the reputations</source>
        <translation>声誉</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取完成</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportDocumentBuilder</name>
    <message>
        <source>Workflow run #%1: %2 (revision %3)</source>
        <translation>工作流运行 #%1：%2（修订版 %3）</translation>
    </message>
    <message>
        <source>Workflow run #%1</source>
        <translation>工作流运行 #%1</translation>
    </message>
    <message>
        <source>Decision #%1 of task #%2</source>
        <translation>任务 #%2 的决策 #%1</translation>
    </message>
    <message>
        <source>Decision #%1</source>
        <translation>决策 #%1</translation>
    </message>
    <message>
        <source>Tasks and decisions from %1 to %2</source>
        <translation>%1 至 %2 的任务和决策</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>deciding</source>
        <translation>决策中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>abstained</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Qwen Swarm report</source>
        <translation>Qwen Swarm 报告</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1 core %2 (%3 store)</source>
        <translation>%1核心 %2（%3 存储）</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>远程</translation>
    </message>
    <message>
        <source>Embedded</source>
        <translation>内嵌</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>local, UTC%1</source>
        <translation>本地时间，UTC%1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>%1 (%2 succeeded)</source>
        <translation>%1（%2 个成功）</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>%1 (%2 decided)</source>
        <translation>%1（%2 项已决定）</translation>
    </message>
    <message>
        <source>Mean agreement</source>
        <translation>平均一致率</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌数</translation>
    </message>
    <message>
        <source>%1 prompt, %2 completion</source>
        <translation>提示 %1，补全 %2</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>The period holds more than a report reads: this one shows its newest part.</source>
        <translation>该时间段的数据超出报告可读取的上限：本报告仅显示最新的部分。</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>From %1, for %2</source>
        <translation>自 %1 起，持续 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more not drawn (the CSV and JSON reports list every one).</source>
        <translation>
            <numerusform>另有 %n 项未绘出（CSV 和 JSON 报告会列出全部）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>the swarm&apos;s</source>
        <translation>集群默认</translation>
    </message>
    <message numerus="yes">
        <source>%n more task(s) are not shown (the CSV and JSON reports list every one).</source>
        <translation>
            <numerusform>另有 %n 个任务未显示（CSV 和 JSON 报告会列出全部）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more decision(s) are not shown (the CSV and JSON reports list every one).</source>
        <translation>
            <numerusform>另有 %n 项决策未显示（CSV 和 JSON 报告会列出全部）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Decision #%1: task #%2, attempt %3</source>
        <translation>决策 #%1：任务 #%2，第 %3 次尝试</translation>
    </message>
    <message>
        <source>Decision #%1: step %2, task #%3, attempt %4</source>
        <translation>决策 #%1：步骤 %2，任务 #%3，第 %4 次尝试</translation>
    </message>
    <message>
        <source>Strategy %1. Outcome: %2. Answer: %3. Agreement %4. Dissenters: %5.</source>
        <translation>策略 %1。结果：%2。答案：%3。一致率 %4。异议者：%5。</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Agents and reputation</source>
        <translation>智能体与声誉</translation>
    </message>
    <message>
        <source>Reputation is the expected share of right answers the system learned for an agent; the change is over the report&apos;s span, in percentage points.</source>
        <translation>声誉是系统为智能体学习到的预期正确回答比例；变化量为报告时间范围内的变化，单位为百分点。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation>令牌数与成本</translation>
    </message>
    <message>
        <source>Cost of the votes by agent</source>
        <translation>各智能体的投票成本</translation>
    </message>
    <message>
        <source>Tokens by provider</source>
        <translation>各提供方的令牌数</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>未计入</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示令牌数</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>补全令牌数</translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation>平均延迟</translation>
    </message>
    <message>
        <source>By agent</source>
        <translation>按智能体</translation>
    </message>
    <message>
        <source>By provider</source>
        <translation>按提供方</translation>
    </message>
    <message>
        <source>the run</source>
        <translation>运行本身</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source>task #%1</source>
        <translation>任务 #%1</translation>
    </message>
    <message numerus="yes">
        <source>task #%1: %n attempt(s)</source>
        <translation>
            <numerusform>任务 #%1：%n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in decision #%2</source>
        <translation>决策 #%2 中的 %1</translation>
    </message>
    <message>
        <source>Errors and retries</source>
        <translation>错误与重试</translation>
    </message>
    <message>
        <source>None: every task succeeded at its first attempt and every vote counted.</source>
        <translation>无：每个任务均在首次尝试时成功，且每张票均被计入。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportExportDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML 页面</translation>
    </message>
    <message>
        <source>CSV tables</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation>JSON 数据</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Report on: %1</source>
        <translation>报告对象：%1</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Export the report to</source>
        <translation>将报告导出到</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportExporter</name>
    <message>
        <source>The report was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
    <message>
        <source>Writing the %1 report</source>
        <translation>正在写入 %1 报告</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>已写入</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportHtml</name>
    <message>
        <source>Written by Qwen Swarm %1.</source>
        <translation>由 Qwen Swarm %1 生成。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportPdf</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
    <message>
        <source>Cannot write the PDF.</source>
        <translation>无法写入 PDF。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReportWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ReputationChartWidget</name>
    <message>
        <source>Reputation over time (■ = feedback)</source>
        <translation>声誉变化趋势（■ = 反馈）</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunInputsDialog</name>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>One element per line</source>
        <translation>每行一个元素</translation>
    </message>
    <message>
        <source>&amp;Start run</source>
        <translation>开始运行(&amp;S)</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunTracker</name>
    <message>
        <source>cancelled in the designer</source>
        <translation>在设计器中取消</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunsModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (r%2)</source>
        <translation>%1（r%2）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>工作流</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>已完成步骤</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The runs cannot be loaded: %1</source>
        <translation>无法加载运行：%1</translation>
    </message>
    <message>
        <source>Run changes are not followed: %1</source>
        <translation>未能跟踪运行变更：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::RunsPage</name>
    <message>
        <source>Workflow runs</source>
        <translation>工作流运行</translation>
    </message>
    <message>
        <source>Steps of the selected run</source>
        <translation>所选运行的步骤</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The selected step</source>
        <translation>所选步骤</translation>
    </message>
    <message>
        <source>&amp;Run workflow file…</source>
        <translation>运行工作流文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Run workflow file</source>
        <translation>运行工作流文件</translation>
    </message>
    <message>
        <source>Workflow files (*.json);;All files (*)</source>
        <translation>工作流文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Approve, edit or reject…</source>
        <translation>批准、编辑或拒绝(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Pause run</source>
        <translation>暂停运行(&amp;P)</translation>
    </message>
    <message>
        <source>Res&amp;ume run</source>
        <translation>继续运行(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;try from step</source>
        <translation>从该步骤重试(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;fresh runs</source>
        <translation>刷新运行(&amp;F)</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>task (map)</source>
        <translation>任务（映射）</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Run %1 of %2: %3</source>
        <translation>%2 的运行 %1：%3</translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Inputs:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>步骤 %1：%2</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message numerus="yes">
        <source>Run again %n time(s)</source>
        <translation>
            <numerusform>已重新运行 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Run %1 started</source>
        <translation>运行 %1 已开始</translation>
    </message>
    <message>
        <source>Step %1 decided</source>
        <translation>步骤 %1 已审批</translation>
    </message>
    <message>
        <source>Run %1 is %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Run %1 runs again from step %2</source>
        <translation>运行 %1 从步骤 %2 重新运行</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SecretStore</name>
    <message>
        <source>The system keychain is not used: the token is kept in memory until the console quits, never on disk.</source>
        <translation>未使用系统钥匙串：令牌仅保存在内存中直到控制台退出，绝不写入磁盘。</translation>
    </message>
    <message>
        <source>No system keychain is available (%1): the token is kept in memory until the console quits, never on disk. Set QWEN_SWARM_TOKEN to avoid typing it again.</source>
        <translation>没有可用的系统钥匙串（%1）：令牌仅保存在内存中直到控制台退出，绝不写入磁盘。设置 QWEN_SWARM_TOKEN 可免去再次输入。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SpawnAgentDialog</name>
    <message>
        <source>Spawn agent</source>
        <translation>创建智能体</translation>
    </message>
    <message>
        <source>Spawn</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>A JSON object, e.g. {&quot;temperature&quot;: 0.2}</source>
        <translation>一个 JSON 对象，例如 {&quot;temperature&quot;: 0.2}</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. math, general</source>
        <translation>以逗号分隔，例如 math, general</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation>并发调用</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Blank agent</source>
        <translation>空白智能体</translation>
    </message>
    <message>
        <source>Copy of %1 (%2, %3)</source>
        <translation>%1 的副本（%2，%3）</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>Expected a JSON object such as {&quot;temperature&quot;: 0.2}</source>
        <translation>应为 JSON 对象，例如 {&quot;temperature&quot;: 0.2}</translation>
    </message>
    <message>
        <source>Choose the swarm the agent joins.</source>
        <translation>请选择智能体加入的集群。</translation>
    </message>
    <message>
        <source>The agent was not spawned: %1</source>
        <translation>未能创建智能体：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::StepApprovalDialog</name>
    <message>
        <source>Approve step %1</source>
        <translation>审批步骤 %1</translation>
    </message>
    <message>
        <source>Approve the value, edit it first, or reject it.</source>
        <translation>批准该值、编辑后再批准，或拒绝它。</translation>
    </message>
    <message>
        <source>A note for the run&apos;s record (optional)</source>
        <translation>写入运行记录的备注（可选）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Approve edited</source>
        <translation>批准编辑后的内容</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::StepPalette</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>A task for a swarm, decided by consensus. Its output is the decided answer.</source>
        <translation>交给集群的任务，通过共识决策。其输出为决策得出的答案。</translation>
    </message>
    <message>
        <source>Map task</source>
        <translation>映射任务</translation>
    </message>
    <message>
        <source>One task per element of a list; its output is the list of the answers.</source>
        <translation>为列表中的每个元素各创建一个任务；其输出为答案列表。</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>An operator approves, edits or rejects a value before the run goes on.</source>
        <translation>在运行继续之前，由操作员批准、编辑或拒绝某个值。</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click to add.</source>
        <translation>拖到画布上，或双击添加。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::StepPropertiesWidget</name>
    <message>
        <source>Run once per element of a list</source>
        <translation>对列表中的每个元素各运行一次</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What the node shows</source>
        <translation>节点上显示的内容</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What the operator reads before approving, editing or rejecting</source>
        <translation>操作员在批准、编辑或拒绝之前阅读的内容</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Run only if, e.g. steps.check.output == &apos;yes&apos;</source>
        <translation>仅在满足条件时运行，例如 steps.check.output == &apos;yes&apos;</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>The swarm&apos;s name</source>
        <translation>集群名称</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>The prompt; type {{ for the step&apos;s names</source>
        <translation>提示词；输入 {{ 可插入该步骤的名称</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>A list: inputs.&lt;name&gt; or steps.&lt;id&gt;.output</source>
        <translation>一个列表：inputs.&lt;name&gt; 或 steps.&lt;id&gt;.output</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>遍历</translation>
    </message>
    <message>
        <source>Each as</source>
        <translation>每项命名为</translation>
    </message>
    <message>
        <source>The swarm&apos;s default</source>
        <translation>集群默认</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>JSON, e.g. {&quot;tie_break&quot;: &quot;first&quot;}</source>
        <translation>JSON，例如 {&quot;tie_break&quot;: &quot;first&quot;}</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. bug, feature, question</source>
        <translation>以逗号分隔，例如 bug, feature, question</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>The names the prompt uses and what each reads. Connect ports on the canvas, or type a reference: inputs.&lt;name&gt;, steps.&lt;id&gt;.output or steps.&lt;id&gt;.agreement.</source>
        <translation>提示词使用的名称及各自读取的内容。可在画布上连接端口，或输入引用：inputs.&lt;name&gt;、steps.&lt;id&gt;.output 或 steps.&lt;id&gt;.agreement。</translation>
    </message>
    <message>
        <source>Add input</source>
        <translation>添加输入</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source> · agreement %1%</source>
        <translation> · 一致率 %1%</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an identifier: a letter, then letters, digits or &apos;_&apos;.</source>
        <translation>“%1”不是有效的标识符：须以字母开头，后跟字母、数字或“_”。</translation>
    </message>
    <message>
        <source>Another step has the id &apos;%1&apos;.</source>
        <translation>已有其他步骤使用编号“%1”。</translation>
    </message>
    <message>
        <source>Not a JSON object: the parameters are not changed.</source>
        <translation>不是 JSON 对象：参数未更改。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SummaryPage</name>
    <message>
        <source>Tasks submitted</source>
        <translation>已提交任务</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed or timed out</source>
        <translation>失败或超时</translation>
    </message>
    <message>
        <source>Tasks per second</source>
        <translation>每秒任务数</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Agents working</source>
        <translation>工作中的智能体</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::SwarmDirectory</name>
    <message>
        <source>Swarm changes are not followed: %1</source>
        <translation>未能跟踪集群变更：%1</translation>
    </message>
    <message>
        <source>The swarms cannot be listed: %1</source>
        <translation>无法列出集群：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::TaskDetailWidget</name>
    <message>
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Retry task</source>
        <translation>重试任务</translation>
    </message>
    <message>
        <source>cancelled by operator</source>
        <translation>由操作员取消</translation>
    </message>
    <message>
        <source>Task %1 was not cancelled: %2</source>
        <translation>任务 %1 未被取消：%2</translation>
    </message>
    <message>
        <source>Task %1 was not retried: %2</source>
        <translation>任务 %1 未被重试：%2</translation>
    </message>
    <message>
        <source>No task selected</source>
        <translation>未选择任务</translation>
    </message>
    <message>
        <source>Select a task to see its input, attempts, timeline and decision.</source>
        <translation>选择一个任务以查看其输入、尝试、时间线和决策。</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>Task %1 — %2</source>
        <translation>任务 %1 — %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Answer format</source>
        <translation>答案格式</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>the swarm&apos;s default</source>
        <translation>集群默认</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1 / 最多 %2</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation>%1（耗时 %2）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Idempotency key</source>
        <translation>幂等键</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Earlier changes are no longer kept by the backend; the times above and below are what is known.</source>
        <translation>后端已不再保留更早的变更；上下显示的时间为已知信息。</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>attempt %1: %2 → %3</source>
        <translation>第 %1 次尝试：%2 → %3</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>No decision was recorded.</source>
        <translation>没有记录决策。</translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation>尚未决定。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>decided “%1”</source>
        <translation>决定“%1”</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>未决定</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Decision id</source>
        <translation>决策编号</translation>
    </message>
    <message>
        <source>Dissenters</source>
        <translation>异议者</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>%1 “%2” · confidence %3 · weight %4 · %5 · %6 tokens · %7</source>
        <translation>%1“%2” · 置信度 %3 · 权重 %4 · %5 · %6 个令牌 · %7</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::TasksModel</name>
    <message>
        <source>The tasks cannot be loaded: %1</source>
        <translation>无法加载任务：%1</translation>
    </message>
    <message>
        <source>Task changes are not followed: %1</source>
        <translation>未能跟踪任务变更：%1</translation>
    </message>
    <message>
        <source>swarm default</source>
        <translation>集群默认</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Swarm</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>More tasks cannot be loaded: %1</source>
        <translation>无法加载更多任务：%1</translation>
    </message>
    <message>
        <source>Task %1 cannot be read: %2</source>
        <translation>无法读取任务 %1：%2</translation>
    </message>
    <message>
        <source>New tasks cannot be loaded: %1</source>
        <translation>无法加载新任务：%1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::TasksPage</name>
    <message>
        <source>Newest first. More rows load as you scroll.</source>
        <translation>最新的在前。滚动时加载更多行。</translation>
    </message>
    <message>
        <source>&amp;Cancel tasks</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel the selected queued or running tasks</source>
        <translation>取消选中的排队或运行中的任务</translation>
    </message>
    <message>
        <source>&amp;Retry tasks</source>
        <translation>重试任务(&amp;R)</translation>
    </message>
    <message>
        <source>Give the selected failed, cancelled or timed-out tasks one more attempt</source>
        <translation>为选中的失败、已取消或超时任务再尝试一次</translation>
    </message>
    <message>
        <source>Show &amp;new tasks</source>
        <translation>显示新任务(&amp;N)</translation>
    </message>
    <message>
        <source>Search prompts, variables and tags</source>
        <translation>搜索提示词、变量和标签</translation>
    </message>
    <message>
        <source>Any strategy</source>
        <translation>任意策略</translation>
    </message>
    <message>
        <source>Tasks decided by this strategy (a task without one takes its swarm&apos;s default).</source>
        <translation>按此策略决策的任务（未指定策略的任务采用其集群的默认策略）。</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>All swarms</source>
        <translation>所有集群</translation>
    </message>
    <message>
        <source>Select one or more tasks first.</source>
        <translation>请先选择一个或多个任务。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>cancelled by operator</source>
        <translation>由操作员取消</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>显示 %n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source> · more as you scroll</source>
        <translation> · 滚动加载更多</translation>
    </message>
    <message>
        <source>Show new tasks (up to %1)</source>
        <translation>显示新任务（最多 %1 个）</translation>
    </message>
    <message numerus="yes">
        <source>Show %n new task(s)</source>
        <translation>
            <numerusform>显示 %n 个新任务</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowDiffDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Compare workflows</source>
        <translation>比较工作流</translation>
    </message>
    <message>
        <source>%1 and %2 describe the same workflow.</source>
        <translation>%1 与 %2 描述的是同一个工作流。</translation>
    </message>
    <message>
        <source>From %1 to %2:</source>
        <translation>从 %1 到 %2：</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Added steps (%1)</source>
        <translation>新增的步骤（%1）</translation>
    </message>
    <message>
        <source>Removed steps (%1)</source>
        <translation>移除的步骤（%1）</translation>
    </message>
    <message>
        <source>Changed steps (%1)</source>
        <translation>更改的步骤（%1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Workflow (%1 changed)</source>
        <translation>工作流（%1 项更改）</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowDocument</name>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2 at offset %3</source>
        <translation>%1 不是有效的 JSON：%2（偏移量 %3）</translation>
    </message>
    <message>
        <source>%1 is not a workflow file.</source>
        <translation>%1 不是工作流文件。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Add step %1</source>
        <translation>添加步骤 %1</translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n input(s)</source>
        <translation>
            <numerusform>断开 %n 个输入</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove step %1</source>
        <translation>移除步骤 %1</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n step(s)</source>
        <translation>
            <numerusform>移除 %n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>Move step %1</source>
        <translation>移动步骤 %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n step(s)</source>
        <translation>
            <numerusform>移动 %n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be bound: it is not an identifier or is the map&apos;s own name.</source>
        <translation>无法绑定“%1”：它不是有效的标识符，或与映射自身的名称相同。</translation>
    </message>
    <message>
        <source>Connect %1 to %2.%3</source>
        <translation>将 %1 连接到 %2.%3</translation>
    </message>
    <message>
        <source>Disconnect %1.%2</source>
        <translation>断开 %1.%2</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>更改 %2 的 %1</translation>
    </message>
    <message>
        <source>Rename step %1 to %2</source>
        <translation>将步骤 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Change the workflow&apos;s %1</source>
        <translation>更改工作流的 %1</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowFiles</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>No recent workflows</source>
        <translation>没有最近打开的工作流</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The workflow %1 has changes that are not saved. Save them?</source>
        <translation>工作流 %1 有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>Workflow files (*.json);;All files (*)</source>
        <translation>工作流文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open workflow</source>
        <translation>打开工作流</translation>
    </message>
    <message>
        <source>%1 does not open: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Save workflow</source>
        <translation>保存工作流</translation>
    </message>
    <message>
        <source>Compare with a workflow file</source>
        <translation>与工作流文件比较</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowInputsDialog</name>
    <message>
        <source>Run the workflow</source>
        <translation>运行工作流</translation>
    </message>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1（%2，必填）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>This workflow takes no inputs.</source>
        <translation>此工作流没有输入。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>One element per line</source>
        <translation>每行一个元素</translation>
    </message>
    <message>
        <source>Fill in the required inputs.</source>
        <translation>请填写必填的输入。</translation>
    </message>
</context>
<context>
    <name>QwenSwarm::Ui::WorkflowPropertiesWidget</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Select a step to edit it. With none selected, these are the workflow&apos;s own properties.</source>
        <translation>选择一个步骤进行编辑。未选择步骤时，此处显示工作流自身的属性。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The workflow&apos;s own version: raise it when you change what it does.</source>
        <translation>工作流自身的版本号：更改其行为时请调高。</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>An empty default makes the input required. A list&apos;s default is JSON ([&quot;a&quot;, &quot;b&quot;]) or elements separated by &apos;;&apos;.</source>
        <translation>默认值留空则该输入为必填。列表的默认值为 JSON（[&quot;a&quot;, &quot;b&quot;]）或以“;”分隔的元素。</translation>
    </message>
    <message>
        <source>Add input</source>
        <translation>添加输入</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Add output</source>
        <translation>添加输出</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a workflow file: %2</source>
        <translation>%1 不是工作流文件：%2</translation>
    </message>
</context>
<context>
    <name>SwarmGroupItem</name>
    <message numerus="yes">
        <source>%1  ·  %2  ·  %n agent(s)</source>
        <translation>
            <numerusform>%1  ·  %2  ·  %n 个智能体</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VoteAnalysis</name>
    <message>
        <source>more than half of the valid votes</source>
        <translation>超过半数的有效票</translation>
    </message>
    <message>
        <source>at least %1% of the valid %2, with a quorum of %3 valid votes</source>
        <translation>至少占有效%2的 %1%，且法定票数为 %3 张有效票</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>votes</source>
        <translation>票数</translation>
    </message>
    <message>
        <source>every valid vote</source>
        <translation>全部有效票</translation>
    </message>
    <message>
        <source>2f+1 = %1 matching votes (n = %2, f = %3)</source>
        <translation>2f+1 = %1 张一致票（n = %2，f = %3）</translation>
    </message>
    <message>
        <source>agreement of %1% to stop early, else the most weight after the last round</source>
        <translation>一致率达到 %1% 即提前结束，否则取最后一轮后权重最高的答案</translation>
    </message>
    <message>
        <source>the judges&apos; plurality over the last proposals</source>
        <translation>评审对最后一轮提案的相对多数票</translation>
    </message>
    <message>
        <source>the most reputation weight</source>
        <translation>最高的声誉权重</translation>
    </message>
    <message>
        <source>the highest Borda score over the ranked answers</source>
        <translation>排序答案中最高的 Borda 得分</translation>
    </message>
    <message>
        <source>the answer most similar to all the others</source>
        <translation>与其他所有答案最相似</translation>
    </message>
    <message>
        <source>the most votes</source>
        <translation>最多票数</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Attach to a qwen-swarmd daemon at URL (ws://host:port or wss://host:port).</source>
        <translation>连接到位于 URL 的 qwen-swarmd 守护进程（ws://host:port 或 wss://host:port）。</translation>
    </message>
    <message>
        <source>JWT or API key for --attach. Prefer the QWEN_SWARM_TOKEN environment variable: a command line is visible to other users.</source>
        <translation>用于 --attach 的 JWT 或 API 密钥。建议改用 QWEN_SWARM_TOKEN 环境变量：命令行对其他用户可见。</translation>
    </message>
    <message>
        <source>Connect with the saved connection profile NAME (its token comes from the keychain).</source>
        <translation>使用已保存的连接配置 NAME 进行连接（其令牌取自钥匙串）。</translation>
    </message>
    <message>
        <source>PEM file of the CA that signed the daemon&apos;s certificate, trusted besides the system&apos;s.</source>
        <translation>签发守护进程证书的 CA 的 PEM 文件，在系统 CA 之外额外信任。</translation>
    </message>
    <message>
        <source>Folder of the embedded core&apos;s database (default: the platform&apos;s data folder).</source>
        <translation>内嵌核心的数据库所在文件夹（默认：平台的数据文件夹）。</translation>
    </message>
    <message>
        <source>Run the demo swarm and its task stream in the embedded core (the default).</source>
        <translation>在内嵌核心中运行演示集群及其任务流（默认）。</translation>
    </message>
    <message>
        <source>Start the embedded core without the demo.</source>
        <translation>启动内嵌核心，不运行演示。</translation>
    </message>
    <message>
        <source>Demo tasks per second (default 4).</source>
        <translation>演示任务的每秒数量（默认 4）。</translation>
    </message>
    <message>
        <source>Keep the embedded core&apos;s data in memory only (lost on exit).</source>
        <translation>内嵌核心的数据仅保存在内存中（退出后丢失）。</translation>
    </message>
    <message>
        <source>Seed of the embedded core (default 1).</source>
        <translation>内嵌核心的随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Language of the window (en, zh_CN; default: the system&apos;s, or the saved choice).</source>
        <translation>窗口语言（en、zh_CN；默认：系统语言或已保存的选择）。</translation>
    </message>
    <message>
        <source>Keep tokens in memory only, for this run, instead of the system keychain.</source>
        <translation>本次运行中令牌仅保存在内存中，而不是系统钥匙串。</translation>
    </message>
    <message>
        <source>Operations console for multi-agent LLM swarms. Without options it runs an embedded core with a demo swarm of simulated agents; with --attach or --profile it attaches to a qwen-swarmd daemon.</source>
        <translation>多智能体 LLM 集群运维控制台。不带选项时运行内嵌核心及由模拟智能体组成的演示集群；使用 --attach 或 --profile 时连接到 qwen-swarmd 守护进程。</translation>
    </message>
    <message>
        <source>Qwen Swarm cannot start.

%1

Start with --memory to run without a database, --data-dir to use another folder, or check --attach and --ca-file.</source>
        <translation>Qwen Swarm 无法启动。

%1

可使用 --memory 在无数据库的情况下运行，使用 --data-dir 指定其他文件夹，或检查 --attach 和 --ca-file。</translation>
    </message>
    <message>
        <source>Let the demo run, save each page as DIR/NN-page.png, then quit.</source>
        <translation>运行演示，将每个页面保存为 DIR/NN-page.png，然后退出。</translation>
    </message>
    <message>
        <source>Run the demo on a swarm of N simulated agents answering in about 20 ms, five per task (default: the six agents of the demo swarm).</source>
        <translation>在由 N 个模拟智能体组成的集群上运行演示，约 20 毫秒应答，每个任务五个（默认：演示集群的六个智能体）。</translation>
    </message>
    <message>
        <source>Measure the window for SECONDS: print one JSON line (startup_ms, event_loop_p99_ms, rss_mb, ...), then quit.</source>
        <translation>测量窗口 SECONDS 秒：输出一行 JSON（startup_ms、event_loop_p99_ms、rss_mb 等），然后退出。</translation>
    </message>
</context>
</TS>
