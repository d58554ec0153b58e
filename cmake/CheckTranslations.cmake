# Fails when a source string (tr()) is missing from, or no longer in, the committed .ts files: runs
# lupdate on copies and compares. Fix: cmake --build DIR --target update_translations, then translate.
#   cmake -DLUPDATE=... -DSOURCES_FILE=... -DTS_FILES=a.ts;b.ts -DINCLUDES=dir;dir -DWORK_DIR=... -P CheckTranslations.cmake
file(STRINGS ${SOURCES_FILE} sources)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(include_options "")
foreach(dir IN LISTS INCLUDES)
    list(APPEND include_options -I ${dir})
endforeach()
set(stale "")
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name ${ts} NAME)
    file(COPY_FILE ${ts} ${WORK_DIR}/${name})
    execute_process(
        COMMAND ${LUPDATE} -silent -locations none -no-obsolete -source-language en ${include_options} ${sources} -ts ${WORK_DIR}/${name}
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${ts} ${WORK_DIR}/${name} RESULT_VARIABLE differs)
    if(NOT differs EQUAL 0)
        list(APPEND stale ${name})
    endif()
endforeach()
if(stale)
    message(FATAL_ERROR "Source strings differ from ${stale}: run `cmake --build <dir> --target update_translations` "
                        "and translate the new strings.")
endif()
message(STATUS "translations are current")
