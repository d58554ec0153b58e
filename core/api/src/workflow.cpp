// Workflows as graphs: references, dependencies, order, and validation.
#include "api/workflow.h"

#include "api/workflowexpression.h"

#include <QRegularExpression>
#include <QSet>

namespace QwenSwarm::Api {

using namespace Qt::Literals::StringLiterals;

namespace {

bool isIdentifier(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z][A-Za-z0-9_]{0,63}$"_s);
    return pattern.match(name).hasMatch();
}

/// A parsed "inputs.<name>" or "steps.<id>.output|agreement".
struct Reference
{
    enum class Kind
    {
        Invalid,
        Input,
        StepOutput,
        StepAgreement,
    };
    Kind kind = Kind::Invalid;
    QString name;
};

Reference parseReference(const QString &text)
{
    const QStringList parts = text.trimmed().split(u'.');
    if (parts.size() == 2 && parts[0] == "inputs"_L1 && !parts[1].isEmpty())
        return {Reference::Kind::Input, parts[1]};
    if (parts.size() == 3 && parts[0] == "steps"_L1 && !parts[1].isEmpty()) {
        if (parts[2] == "output"_L1)
            return {Reference::Kind::StepOutput, parts[1]};
        if (parts[2] == "agreement"_L1)
            return {Reference::Kind::StepAgreement, parts[1]};
    }
    return {};
}

/// The references a step reads: its inputs' bindings, its condition's and its map's.
QStringList stepReferences(const WorkflowStep &step)
{
    QStringList references = step.inputs.values();
    if (!step.condition.trimmed().isEmpty()) {
        if (const auto expression = WorkflowExpression::parse(step.condition))
            references += expression->references();
    }
    if (step.map)
        references.append(step.map->over);
    return references;
}

/// The placeholders the engine's PromptRenderer fills itself (core/engine/prompt/promptrenderer.cpp).
const QStringList kRendererBuiltins {u"agent.name"_s, u"agent.index"_s, u"agent.role"_s, u"task.id"_s};

/// The placeholders of a prompt template, except the renderer's built-ins.
QStringList placeholders(const QString &prompt)
{
    static const QRegularExpression pattern(u"\\{\\{\\s*([^{}]*?)\\s*\\}\\}"_s);
    QStringList names;
    for (auto it = pattern.globalMatch(prompt); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!kRendererBuiltins.contains(name) && !names.contains(name))
            names.append(name);
    }
    return names;
}

bool matchesType(const QJsonValue &value, ValueType type)
{
    switch (type) {
    case ValueType::Text:
        return value.isString();
    case ValueType::Number:
        return value.isDouble();
    case ValueType::Boolean:
        return value.isBool();
    case ValueType::List:
        return value.isArray();
    }
    return false;
}

class Validator
{
public:
    Validator(const Workflow &workflow, const WorkflowEnvironment &environment)
        : m_workflow(workflow)
        , m_environment(environment)
    { }

    QList<WorkflowProblem> run()
    {
        if (m_workflow.name.trimmed().isEmpty())
            add({}, u"name"_s, u"a workflow needs a name"_s);
        if (m_workflow.revision < 1)
            add({}, u"revision"_s, u"must be at least 1"_s);
        checkInputs();
        if (m_workflow.steps.isEmpty())
            add({}, u"steps"_s, u"a workflow needs at least one step"_s);
        QSet<QString> ids;
        for (const WorkflowStep &step : m_workflow.steps) {
            if (!isIdentifier(step.id))
                add(step.id, u"id"_s,
                    u"'%1' is not an identifier (a letter, then letters, digits or '_')"_s.arg(step.id));
            else if (ids.contains(step.id))
                add(step.id, u"id"_s, u"another step has the id '%1'"_s.arg(step.id));
            ids.insert(step.id);
        }
        for (const WorkflowStep &step : m_workflow.steps)
            checkStep(step);
        for (auto it = m_workflow.outputs.begin(); it != m_workflow.outputs.end(); ++it) {
            if (!isIdentifier(it.key()))
                add({}, u"outputs"_s, u"'%1' is not an identifier"_s.arg(it.key()));
            checkReference({}, u"outputs.%1"_s.arg(it.key()), it.value());
        }
        checkCycles();
        return m_problems;
    }

private:
    void add(const QString &step, const QString &field, const QString &message)
    {
        m_problems.append({step, field, message});
    }

    void checkInputs()
    {
        QSet<QString> names;
        for (const WorkflowInput &input : m_workflow.inputs) {
            const QString field = u"inputs.%1"_s.arg(input.name);
            if (!isIdentifier(input.name))
                add({}, field, u"'%1' is not an identifier"_s.arg(input.name));
            else if (names.contains(input.name))
                add({}, field, u"declared twice"_s);
            names.insert(input.name);
            if (!input.defaultValue.isUndefined() && !input.defaultValue.isNull()
                && !matchesType(input.defaultValue, input.type))
                add({}, field, u"the default is not a %1"_s.arg(enumName(input.type)));
        }
    }

    /// The type a reference carries, or nothing when it names nothing (a problem is added).
    std::optional<ValueType> checkReference(const QString &step, const QString &field, const QString &text)
    {
        const Reference reference = parseReference(text);
        switch (reference.kind) {
        case Reference::Kind::Invalid:
            add(step, field,
                u"'%1' is not a reference (inputs.<name>, steps.<id>.output or steps.<id>.agreement)"_s.arg(text));
            return std::nullopt;
        case Reference::Kind::Input: {
            for (const WorkflowInput &input : m_workflow.inputs) {
                if (input.name == reference.name)
                    return input.type;
            }
            add(step, field, u"the workflow has no input '%1'"_s.arg(reference.name));
            return std::nullopt;
        }
        case Reference::Kind::StepOutput:
        case Reference::Kind::StepAgreement: {
            const WorkflowStep *target = m_workflow.step(reference.name);
            if (!target) {
                add(step, field, u"there is no step '%1'"_s.arg(reference.name));
                return std::nullopt;
            }
            if (reference.name == step) {
                add(step, field, u"a step cannot read its own output"_s);
                return std::nullopt;
            }
            if (reference.kind == Reference::Kind::StepAgreement)
                return ValueType::Number;
            return target->map ? ValueType::List : ValueType::Text;
        }
        }
        return std::nullopt;
    }

    void checkStep(const WorkflowStep &step)
    {
        for (auto it = step.inputs.begin(); it != step.inputs.end(); ++it) {
            const QString field = u"inputs.%1"_s.arg(it.key());
            if (!isIdentifier(it.key()))
                add(step.id, field, u"'%1' is not an identifier"_s.arg(it.key()));
            checkReference(step.id, field, it.value());
        }
        if (!step.condition.trimmed().isEmpty()) {
            const auto expression = WorkflowExpression::parse(step.condition);
            if (!expression) {
                add(step.id, u"condition"_s, expression.error().message);
            } else {
                for (const QString &reference : expression->references())
                    checkReference(step.id, u"condition"_s, reference);
            }
        }
        if (step.kind == StepKind::Approval)
            checkApproval(step);
        else
            checkTask(step);
    }

    void checkApproval(const WorkflowStep &step)
    {
        if (!step.inputs.contains(u"input"_s))
            add(step.id, u"inputs.input"_s, u"an approval step shows its input 'input' to the operator: bind it"_s);
        if (step.map)
            add(step.id, u"map"_s, u"an approval step cannot fan out"_s);
        if (!step.swarm.isEmpty() || !step.prompt.isEmpty())
            add(step.id, step.swarm.isEmpty() ? u"prompt"_s : u"swarm"_s,
                u"an approval step asks an operator, not a swarm"_s);
    }

    void checkTask(const WorkflowStep &step)
    {
        if (step.swarm.trimmed().isEmpty())
            add(step.id, u"swarm"_s, u"a task step needs a swarm"_s);
        else if (!m_environment.swarms.isEmpty() && !m_environment.swarms.contains(step.swarm))
            add(step.id, u"swarm"_s, u"no swarm is named '%1'"_s.arg(step.swarm));
        if (step.prompt.trimmed().isEmpty())
            add(step.id, u"prompt"_s, u"a task step needs a prompt"_s);
        if (step.strategy && !m_environment.strategies.isEmpty()
            && !m_environment.strategies.contains(step.strategy->name))
            add(step.id, u"strategy"_s, u"unknown strategy '%1'"_s.arg(step.strategy->name));
        if ((step.answerFormat == AnswerFormat::Choice || step.answerFormat == AnswerFormat::Ranking)
            && step.choices.isEmpty())
            add(step.id, u"choices"_s, u"a %1 answer needs choices"_s.arg(enumName(step.answerFormat)));
        if (step.priority < -1000 || step.priority > 1000)
            add(step.id, u"priority"_s, u"must be in [-1000, 1000]"_s);
        if (step.timeoutMs < 0)
            add(step.id, u"timeout_ms"_s, u"cannot be negative"_s);
        if (step.budgetUsd < 0)
            add(step.id, u"budget_usd"_s, u"cannot be negative"_s);
        if (step.retry.maxAttempts < 1 || step.retry.maxAttempts > 20)
            add(step.id, u"retry.max_attempts"_s, u"must be in [1, 20]"_s);
        if (!step.instructions.isEmpty())
            add(step.id, u"instructions"_s, u"only approval steps have instructions"_s);

        QStringList bound = step.inputs.keys();
        if (step.map) {
            if (const auto type = checkReference(step.id, u"map.over"_s, step.map->over);
                type && *type != ValueType::List)
                add(step.id, u"map.over"_s, u"'%1' is a %2, not a list"_s.arg(step.map->over, enumName(*type)));
            if (!isIdentifier(step.map->as))
                add(step.id, u"map.as"_s, u"'%1' is not an identifier"_s.arg(step.map->as));
            else if (step.inputs.contains(step.map->as) || step.map->as == "index"_L1)
                add(step.id, u"map.as"_s, u"'%1' is already an input's name"_s.arg(step.map->as));
            bound << step.map->as << u"index"_s;
        }
        for (const QString &name : placeholders(step.prompt)) {
            if (!bound.contains(name))
                add(step.id, u"prompt"_s, u"the prompt uses {{%1}}, which no input binds"_s.arg(name));
        }
    }

    void checkCycles()
    {
        if (!topologicalOrder(m_workflow).isEmpty() || m_workflow.steps.isEmpty())
            return;
        // A step is on a cycle when it reaches itself through its dependencies; its cycle is the steps
        // it reaches that reach it back. Steps that only wait for a cycle are not named.
        QHash<QString, QSet<QString>> reach;
        for (const WorkflowStep &step : m_workflow.steps)
            reach.insert(step.id, dependenciesOf(step.id));
        for (const WorkflowStep &step : m_workflow.steps) {
            if (!reach.value(step.id).contains(step.id))
                continue;
            QStringList cycle;
            for (const WorkflowStep &other : m_workflow.steps) {
                if (reach.value(step.id).contains(other.id) && reach.value(other.id).contains(step.id)
                    && !cycle.contains(other.id))
                    cycle.append(other.id);
            }
            add(step.id, u"inputs"_s, u"the steps %1 depend on each other in a cycle"_s.arg(cycle.join(u", "_s)));
        }
    }

    /// The steps `id` depends on, directly or not. A step reading itself is reported by
    /// checkReference(), so that edge does not count here.
    QSet<QString> dependenciesOf(const QString &id) const
    {
        QSet<QString> found;
        QStringList queue {id};
        while (!queue.isEmpty()) {
            const QString current = queue.takeFirst();
            for (const QString &dependency : stepDependencies(*m_workflow.step(current))) {
                if (dependency != current && m_workflow.step(dependency) && !found.contains(dependency)) {
                    found.insert(dependency);
                    queue.append(dependency);
                }
            }
        }
        return found;
    }

    const Workflow &m_workflow;
    const WorkflowEnvironment &m_environment;
    QList<WorkflowProblem> m_problems;
};

} // namespace

const WorkflowStep *Workflow::step(const QString &id) const
{
    for (const WorkflowStep &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const StepRun *Run::step(const QString &id) const
{
    for (const StepRun &s : steps) {
        if (s.stepId == id)
            return &s;
    }
    return nullptr;
}

StepRun *Run::step(const QString &id)
{
    return const_cast<StepRun *>(std::as_const(*this).step(id));
}

QString WorkflowProblem::toString() const
{
    const QString where = step.isEmpty() ? field : u"steps[%1].%2"_s.arg(step, field);
    return where.isEmpty() ? message : where + u": "_s + message;
}

QStringList stepDependencies(const WorkflowStep &step)
{
    QStringList ids;
    for (const QString &text : stepReferences(step)) {
        const Reference reference = parseReference(text);
        if ((reference.kind == Reference::Kind::StepOutput || reference.kind == Reference::Kind::StepAgreement)
            && !ids.contains(reference.name))
            ids.append(reference.name);
    }
    return ids;
}

QStringList topologicalOrder(const Workflow &workflow)
{
    QStringList order;
    QSet<QString> placed;
    QList<bool> done(workflow.steps.size(), false);
    while (order.size() < workflow.steps.size()) {
        bool progressed = false;
        for (qsizetype i = 0; i < workflow.steps.size(); ++i) {
            const WorkflowStep &step = workflow.steps.at(i);
            if (done.at(i))
                continue;
            const QStringList dependencies = stepDependencies(step);
            const bool ready = std::all_of(dependencies.begin(), dependencies.end(), [&](const QString &id) {
                return placed.contains(id) || (!workflow.step(id) && id != step.id);
            });
            if (ready) {
                order.append(step.id);
                placed.insert(step.id);
                done[i] = true;
                progressed = true;
                break; // the next step is again the first ready one in file order
            }
        }
        if (!progressed)
            return {};
    }
    return order;
}

QStringList stepDescendants(const Workflow &workflow, const QString &id)
{
    QStringList found {id};
    for (qsizetype i = 0; i < found.size(); ++i) {
        for (const WorkflowStep &step : workflow.steps) {
            if (!found.contains(step.id) && stepDependencies(step).contains(found.at(i)))
                found.append(step.id);
        }
    }
    return found;
}

QList<WorkflowProblem> validateWorkflow(const Workflow &workflow, const WorkflowEnvironment &environment)
{
    return Validator(workflow, environment).run();
}

} // namespace QwenSwarm::Api
