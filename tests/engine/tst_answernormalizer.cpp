#include "consensus/answernormalizer.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace QwenSwarm;
using namespace QwenSwarm::Engine;
using Api::AnswerFormat;
using Api::VoteStatus;

class TestAnswerNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void extract_data();
    void extract();
};

void TestAnswerNormalizer::normalize_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<AnswerFormat>("format");
    QTest::addColumn<QStringList>("choices");
    QTest::addColumn<VoteStatus>("status");
    QTest::addColumn<QString>("answer");

    const QStringList abc {u"A"_s, u"B"_s, u"C"_s};
    const QStringList cities {u"Paris"_s, u"London"_s, u"Rome"_s};
    const auto choice = AnswerFormat::Choice;
    const auto number = AnswerFormat::Number;
    const auto text = AnswerFormat::FreeText;
    const auto valid = VoteStatus::Valid;

    // Extraction
    QTest::newRow("bare answer") << u"B"_s << choice << abc << valid << u"B"_s;
    QTest::newRow("answer line") << u"Let me think about it.\nAnswer: London"_s << choice << cities << valid
                                 << u"London"_s;
    QTest::newRow("final answer line") << u"Reasoning goes here.\nFinal answer: Rome"_s << choice << cities << valid
                                       << u"Rome"_s;
    QTest::newRow("last answer line wins")
        << u"Answer: London\nHmm, no, wait.\nAnswer: Paris\n"_s << choice << cities << valid << u"Paris"_s;
    QTest::newRow("final answer after answer")
        << u"Answer: London\nFinal answer: Rome"_s << choice << cities << valid << u"Rome"_s;
    QTest::newRow("answer marker any case, indented")
        << u"thinking...\n   ANSWER:   paris  "_s << choice << cities << valid << u"Paris"_s;
    QTest::newRow("json answer") << uR"({"answer": "London", "confidence": 0.9})"_s << choice << cities << valid
                                 << u"London"_s;
    QTest::newRow("json answer with whitespace")
        << u"  {\n  \"answer\" : \"b\"\n}\n"_s << choice << abc << valid << u"B"_s;
    QTest::newRow("json numeric answer") << uR"({"answer": 42})"_s << number << QStringList() << valid << u"42"_s;
    QTest::newRow("colon mid-line is no marker")
        << u"Note: the capital is Paris"_s << text << QStringList() << valid << u"note: the capital is paris"_s;

    // Whitespace and the trailing full stop
    QTest::newRow("whitespace collapsed")
        << u"  The   quick\t brown\n fox  "_s << text << QStringList() << valid << u"the quick brown fox"_s;
    QTest::newRow("trailing period dropped") << u"Paris."_s << choice << cities << valid << u"Paris"_s;
    QTest::newRow("trailing period after answer line")
        << u"So:\nAnswer: The Eiffel Tower."_s << text << QStringList() << valid << u"the eiffel tower"_s;

    // Abstentions
    for (AnswerFormat format : {choice, number, text}) {
        const QByteArray f = Api::enumName(format).toString().toLatin1();
        QTest::addRow("%s: empty", f.constData()) << QString() << format << abc << VoteStatus::Abstained << QString();
        QTest::addRow("%s: blank", f.constData()) << u" \n\t "_s << format << abc << VoteStatus::Abstained << QString();
        QTest::addRow("%s: abstain", f.constData())
            << u"abstain"_s << format << abc << VoteStatus::Abstained << QString();
        QTest::addRow("%s: ABSTAIN.", f.constData())
            << u"ABSTAIN."_s << format << abc << VoteStatus::Abstained << QString();
        QTest::addRow("%s: answer line abstains", f.constData())
            << u"I am not sure.\nAnswer: Abstain"_s << format << abc << VoteStatus::Abstained << QString();
        QTest::addRow("%s: empty answer line", f.constData())
            << u"I am not sure.\nAnswer:"_s << format << abc << VoteStatus::Abstained << QString();
    }

    // Choice
    QTest::newRow("choice case-insensitive, canonical spelling")
        << u"LONDON"_s << choice << cities << valid << u"London"_s;
    QTest::newRow("choice lower case") << u"b"_s << choice << abc << valid << u"B"_s;
    QTest::newRow("choice not offered") << u"Berlin"_s << choice << cities << VoteStatus::Malformed << QString();
    QTest::newRow("choice prefix only") << u"Lon"_s << choice << cities << VoteStatus::Malformed << QString();
    QTest::newRow("choice with extra words")
        << u"I think London"_s << choice << cities << VoteStatus::Malformed << QString();
    QTest::newRow("choice without choices") << u"A"_s << choice << QStringList() << VoteStatus::Malformed << QString();

    // Number
    for (const QString &form :
         {u"1000"_s, u"1,000"_s, u"1 000"_s, u"1e3"_s, u"1000.0"_s, u"1.0E3"_s, u"1000."_s, u"Answer: 1,000"_s,
          u"The total is:\nFinal answer: 1e3"_s, uR"({"answer": "1,000.00"})"_s}) {
        QTest::addRow("number: %s", qPrintable(form)) << form << number << QStringList() << valid << u"1000"_s;
    }
    QTest::newRow("number: negative") << u"-42"_s << number << QStringList() << valid << u"-42"_s;
    QTest::newRow("number: fraction") << u"0.25"_s << number << QStringList() << valid << u"0.25"_s;
    QTest::newRow("number: fraction forms agree") << u"2.50"_s << number << QStringList() << valid << u"2.5"_s;
    QTest::newRow("number: negative zero") << u"-0"_s << number << QStringList() << valid << u"0"_s;
    QTest::newRow("number: words") << u"twelve"_s << number << QStringList() << VoteStatus::Malformed << QString();
    QTest::newRow("number: with unit") << u"12 apples"_s << number << QStringList() << VoteStatus::Malformed
                                       << QString();
    QTest::newRow("number: two numbers") << u"3 or 4."_s << number << QStringList() << VoteStatus::Malformed
                                         << QString();
    QTest::newRow("number: nan") << u"nan"_s << number << QStringList() << VoteStatus::Malformed << QString();
    QTest::newRow("number: inf") << u"inf"_s << number << QStringList() << VoteStatus::Malformed << QString();

    // Free text
    QTest::newRow("free text case-folded") << u"Paris"_s << text << QStringList() << valid << u"paris"_s;
    QTest::newRow("free text multi-line") << u"Hello\n  World"_s << text << QStringList() << valid << u"hello world"_s;
    QTest::newRow("free text keeps inner punctuation") << u"Yes, B."_s << text << QStringList() << valid << u"yes, b"_s;
}

void TestAnswerNormalizer::normalize()
{
    QFETCH(QString, raw);
    QFETCH(AnswerFormat, format);
    QFETCH(QStringList, choices);
    QFETCH(VoteStatus, status);
    QFETCH(QString, answer);

    const AnswerNormalizer::Normalized normalized = AnswerNormalizer::normalize(raw, format, choices);
    QCOMPARE(Api::enumName(normalized.status).toString(), Api::enumName(status).toString());
    QCOMPARE(normalized.answer, answer);
}

void TestAnswerNormalizer::extract_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");

    QTest::newRow("short bare answer") << u"B"_s << u"B"_s;
    QTest::newRow("no marker: whole text")
        << u"A rather long answer without any marker"_s << u"A rather long answer without any marker"_s;
    QTest::newRow("answer line") << u"Working...\nAnswer:Paris"_s << u"Paris"_s;
    QTest::newRow("json answer") << uR"({"answer": "Paris"})"_s << u"Paris"_s;
    QTest::newRow("json without answer falls back to lines") << u"{\"reason\": \"x\"}\nAnswer:B"_s << u"B"_s;
}

void TestAnswerNormalizer::extract()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(AnswerNormalizer::extract(raw).trimmed(), expected);
}

QTEST_GUILESS_MAIN(TestAnswerNormalizer)
#include "tst_answernormalizer.moc"
