// Result<T> and Result<void>: the value-or-error every Backend call answers.
#include "testsupport.h"

#include <api/error.h>

#include <QTest>

#include <memory>
#include <type_traits>

using namespace QwenSwarm::Api;
using namespace Qt::Literals::StringLiterals;

namespace {

// Counts how often it was copied and moved, to prove a Result hands its value on without copies.
struct Tracked
{
    int copies = 0;
    int moves = 0;
    QString payload;

    explicit Tracked(QString p)
        : payload(std::move(p))
    { }
    Tracked(const Tracked &other)
        : copies(other.copies + 1)
        , moves(other.moves)
        , payload(other.payload)
    { }
    Tracked(Tracked &&other) noexcept
        : copies(other.copies)
        , moves(other.moves + 1)
        , payload(std::move(other.payload))
    { }
    Tracked &operator=(const Tracked &) = delete;
    Tracked &operator=(Tracked &&) = delete;
};

struct Point
{
    int x = 0;
    int y = 0;
};

Error sampleError()
{
    return makeError(ErrorCode::NotFound, u"no task 42"_s, QJsonObject {{u"task_id"_s, 42}});
}

} // namespace

// A Result must be tested explicitly: it converts to bool only in a boolean context.
static_assert(!std::is_convertible_v<Result<int>, bool>);
static_assert(std::is_constructible_v<bool, Result<int>>);
static_assert(!std::is_convertible_v<Result<void>, bool>);
static_assert(std::is_constructible_v<bool, Result<void>>);

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueIsOk();
    void errorIsNotOk();
    void makeErrorFillsAllFields();
    void valueAccessors();
    void valueIsMutable();
    void valueMovesOut();
    void moveOnlyValue();
    void copyKeepsValueAndError();
    void voidResult();
    void voidResultError();
    void resultOfAnError();
};

void TestResult::valueIsOk()
{
    const Result<int> result(7);
    QVERIFY(result.ok());
    QVERIFY(static_cast<bool>(result));
    QCOMPARE(result.value(), 7);
    QCOMPARE(*result, 7);
    QS_VERIFY_OK(result);
}

void TestResult::errorIsNotOk()
{
    const Result<int> result(sampleError());
    QVERIFY(!result.ok());
    QVERIFY(!static_cast<bool>(result));
    QS_VERIFY_ERROR(result, ErrorCode::NotFound);
    QCOMPARE(result.error().code, ErrorCode::NotFound);
    QCOMPARE(result.error().message, u"no task 42"_s);
    QCOMPARE(result.error().details.value(u"task_id"_s).toInt(), 42);
    QCOMPARE(result.error(), sampleError());
}

void TestResult::makeErrorFillsAllFields()
{
    const Error withoutDetails = makeError(ErrorCode::Unavailable, u"disconnected"_s);
    QCOMPARE(withoutDetails.code, ErrorCode::Unavailable);
    QCOMPARE(withoutDetails.message, u"disconnected"_s);
    QVERIFY(withoutDetails.details.isEmpty());

    const Error error = sampleError();
    QCOMPARE(error.code, ErrorCode::NotFound);
    QCOMPARE(error.details, (QJsonObject {{u"task_id"_s, 42}}));
    // Errors differing in any field are different errors.
    QVERIFY(error != makeError(ErrorCode::NotFound, u"no task 42"_s));
    QVERIFY(error != makeError(ErrorCode::InvalidArgument, u"no task 42"_s, error.details));
    QVERIFY(error != makeError(ErrorCode::NotFound, u"no task 43"_s, error.details));
}

void TestResult::valueAccessors()
{
    const Result<Point> result(Point {3, 4});
    QCOMPARE(result->x, 3);
    QCOMPARE(result->y, 4);
    QCOMPARE((*result).y, 4);
    QCOMPARE(result.value().x, 3);

    const Result<QString> text(u"answer"_s);
    QCOMPARE(text->size(), 6);
    QCOMPARE(*text, u"answer"_s);
}

void TestResult::valueIsMutable()
{
    Result<QStringList> result(QStringList {u"a"_s});
    result.value().append(u"b"_s);
    result->append(u"c"_s);
    QCOMPARE(result.value(), (QStringList {u"a"_s, u"b"_s, u"c"_s}));
}

void TestResult::valueMovesOut()
{
    Tracked original(u"payload"_s);
    Result<Tracked> result(std::move(original));
    QVERIFY(result.ok());
    QCOMPARE(result->copies, 0);

    const Tracked taken = std::move(result).value();
    QCOMPARE(taken.payload, u"payload"_s);
    QCOMPARE(taken.copies, 0);
    QVERIFY(taken.moves >= 1);

    // Reading through a const reference never copies either.
    const Result<Tracked> kept(Tracked(u"kept"_s));
    const Tracked &ref = kept.value();
    QCOMPARE(ref.copies, 0);
    QCOMPARE(&ref, &*kept);
}

void TestResult::moveOnlyValue()
{
    Result<std::unique_ptr<int>> result(std::make_unique<int>(42));
    QVERIFY(result.ok());
    QVERIFY(result.value() != nullptr);

    std::unique_ptr<int> taken = std::move(result).value();
    QVERIFY(taken != nullptr);
    QCOMPARE(*taken, 42);

    Result<std::unique_ptr<int>> failed(sampleError());
    QS_VERIFY_ERROR(failed, ErrorCode::NotFound);
}

void TestResult::copyKeepsValueAndError()
{
    const Result<QString> value(u"v"_s);
    const Result<QString> valueCopy = value; // NOLINT(performance-unnecessary-copy-initialization)
    QVERIFY(valueCopy.ok());
    QCOMPARE(*valueCopy, u"v"_s);

    const Result<QString> error(sampleError());
    const Result<QString> errorCopy = error; // NOLINT(performance-unnecessary-copy-initialization)
    QVERIFY(!errorCopy.ok());
    QCOMPARE(errorCopy.error(), sampleError());
}

void TestResult::voidResult()
{
    const Result<void> result;
    QVERIFY(result.ok());
    QVERIFY(static_cast<bool>(result));
    QS_VERIFY_OK(result);
}

void TestResult::voidResultError()
{
    const Result<void> result(sampleError());
    QVERIFY(!result.ok());
    QVERIFY(!static_cast<bool>(result));
    QS_VERIFY_ERROR(result, ErrorCode::NotFound);
    QCOMPARE(result.error(), sampleError());

    const Result<void> copy = result; // NOLINT(performance-unnecessary-copy-initialization)
    QVERIFY(!copy.ok());
    QCOMPARE(copy.error().message, u"no task 42"_s);
}

void TestResult::resultOfAnError()
{
    // An Error can be the value (e.g. decoding an error reply); failure() makes the failed kind.
    const Result<Error> value(sampleError());
    QVERIFY(value.ok());
    QCOMPARE(value.value(), sampleError());

    const Error other = makeError(ErrorCode::Internal, u"decoder broke"_s);
    const auto failed = Result<Error>::failure(other);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error(), other);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
