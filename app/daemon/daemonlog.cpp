#include "daemonlog.h"

#include "daemonconfig.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace QwenSwarm::Daemon {

namespace {

bool g_json = false;

void write(spdlog::level::level_enum level, const QString &message)
{
    if (!g_json) {
        spdlog::log(level, "{}", message.toStdString());
        return;
    }
    const QJsonObject line {
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), QString::fromStdString(std::string(spdlog::level::to_string_view(level).data()))},
        {QStringLiteral("message"), message}};
    spdlog::log(level, "{}", QJsonDocument(line).toJson(QJsonDocument::Compact).toStdString());
}

} // namespace

void DaemonLog::setUp(const DaemonConfig &config)
{
    g_json = config.logJson;
    std::shared_ptr<spdlog::logger> logger;
    if (config.logFile.isEmpty()) {
        logger = std::make_shared<spdlog::logger>("qwen-swarmd", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    } else {
        logger = std::make_shared<spdlog::logger>("qwen-swarmd",
                                                  std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                                                      config.logFile.toStdString(),
                                                      static_cast<std::size_t>(config.logMaxSizeMb) * 1024 * 1024,
                                                      static_cast<std::size_t>(config.logMaxFiles)));
    }
    logger->set_pattern(g_json ? "%v" : "%Y-%m-%dT%H:%M:%S.%e %^%-7l%$ %v");
    logger->set_level(
        spdlog::level::from_str(config.logLevel.toStdString() == "warning" ? "warn" : config.logLevel.toStdString()));
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

void DaemonLog::info(const QString &message)
{
    write(spdlog::level::info, message);
}

void DaemonLog::warning(const QString &message)
{
    write(spdlog::level::warn, message);
}

void DaemonLog::error(const QString &message)
{
    write(spdlog::level::err, message);
}

void DaemonLog::debug(const QString &message)
{
    write(spdlog::level::debug, message);
}

} // namespace QwenSwarm::Daemon
