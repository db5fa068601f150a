// Package german reads German language data that Debian installs —
// word lists (wngerman, hunspell-de-de), the OpenThesaurus synonyms
// (mythes-de) and the Ding and FreeDict English–German dictionaries
// (trans-de-en, dict-freedict-eng-deu) — at run time from where the packages
// put them.
//
// It exists because the index matches words by their German stems only:
// "Rhein" does not find "Niederrhein", "Autor" does not find
// "Schriftsteller", and an English question finds nothing in German
// articles. Splitting compounds, adding synonyms and translating English
// query words need this data, and the data is far too large (and licensed
// separately) to copy into the repository. Every part is optional: when a
// file is missing, its functions return nothing and callers behave exactly
// as they do without this package.
package german

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// EnvData names the environment variable (also a .env key) that moves or
// switches off the data: empty means the Debian package paths, "off" means
// none, and a directory means the same file names in that directory.
const EnvData = "CLAIMBOT_GERMAN_DATA"

// ErrNotInstalled is what a part's error wraps when its files are absent.
var ErrNotInstalled = errors.New("german: language data not installed")

// Paths are the files the data is read from.
type Paths struct {
	WordList      string // wngerman: one word form a line
	Hunspell      string // hunspell-de-de: de_DE.dic (stems with affix flags)
	Thesaurus     string // mythes-de: th_de_DE_v2.dat (OpenThesaurus)
	Ding          string // trans-de-en: "German :: English" lines
	FreeDictIndex string // dict-freedict-eng-deu: dictd .index
	FreeDictDict  string // dict-freedict-eng-deu: dictd .dict.dz
}

// DebianPaths are where the Debian packages install the files.
func DebianPaths() Paths {
	return Paths{
		WordList:      "/usr/share/dict/ngerman",
		Hunspell:      "/usr/share/hunspell/de_DE.dic",
		Thesaurus:     "/usr/share/mythes/th_de_DE_v2.dat",
		Ding:          "/usr/share/trans/de-en",
		FreeDictIndex: "/usr/share/dictd/freedict-eng-deu.index",
		FreeDictDict:  "/usr/share/dictd/freedict-eng-deu.dict.dz",
	}
}

// PathsFor interprets a CLAIMBOT_GERMAN_DATA value: "" is DebianPaths,
// "off" no files at all, and a directory the Debian file names in it.
func PathsFor(setting string) Paths {
	switch s := strings.TrimSpace(setting); s {
	case "":
		return DebianPaths()
	case "off":
		return Paths{}
	default:
		p := DebianPaths()
		for _, f := range []*string{&p.WordList, &p.Hunspell, &p.Thesaurus, &p.Ding, &p.FreeDictIndex, &p.FreeDictDict} {
			*f = filepath.Join(s, filepath.Base(*f))
		}
		return p
	}
}

// CheckSetting reports whether a CLAIMBOT_GERMAN_DATA value can be used: ""
// and "off" always, anything else only if it is a directory.
func CheckSetting(setting string) error {
	s := strings.TrimSpace(setting)
	if s == "" || s == "off" {
		return nil
	}
	fi, err := os.Stat(s)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", s)
	}
	return nil
}

// Data is the loaded language data. Each part is read on its first use, so
// that a process that never translates never pays for the dictionaries.
// Its methods are safe for concurrent use; a nil *Data has no data.
type Data struct {
	paths Paths

	wordsOnce sync.Once
	words     *wordSet
	wordsErr  error

	thesOnce sync.Once
	thes     *thesaurus
	thesErr  error

	dictOnce sync.Once
	dict     map[string][]Translation
	dictErr  error
	dictDone atomic.Bool

	verbsOnce sync.Once
	verbs     *paradigms
	verbsErr  error

	pivotOnce sync.Once
	pivot     *pivot
	pivotErr  error
}

// New returns the data in the given files; nothing is read yet.
func New(p Paths) *Data { return &Data{paths: p} }

var (
	defaultMu      sync.Mutex
	defaultSetting *string
	defaultData    *Data
)

// Configure sets the CLAIMBOT_GERMAN_DATA value Default uses, for programs
// that read their settings from somewhere else than the process
// environment (claimbot's .env file). It has no effect once Default has
// been called.
func Configure(setting string) {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	if defaultData == nil {
		defaultSetting = &setting
	}
}

// Default is the process's data: the files Configure named, else those
// CLAIMBOT_GERMAN_DATA names, else the Debian paths.
func Default() *Data {
	defaultMu.Lock()
	defer defaultMu.Unlock()
	if defaultData == nil {
		s := os.Getenv(EnvData)
		if defaultSetting != nil {
			s = *defaultSetting
		}
		defaultData = New(PathsFor(s))
	}
	return defaultData
}

// Installed says which files are missing (wrapping ErrNotInstalled); nil
// means every file is there. It reads nothing but the directories.
func (p Paths) Installed() error {
	var errs []error
	for _, f := range []struct{ path, pkg string }{
		{p.WordList, "wngerman"}, {p.Hunspell, "hunspell-de-de"}, {p.Thesaurus, "mythes-de"},
		{p.Ding, "trans-de-en"}, {p.FreeDictIndex, "dict-freedict-eng-deu"}, {p.FreeDictDict, "dict-freedict-eng-deu"},
	} {
		if f.path == "" {
			errs = append(errs, fmt.Errorf("%w: %s switched off", ErrNotInstalled, f.pkg))
		} else if _, err := os.Stat(f.path); err != nil {
			errs = append(errs, fmt.Errorf("%w: %s (apt-get install %s)", ErrNotInstalled, f.path, f.pkg))
		}
	}
	return errors.Join(errs...)
}

// Paths are the files the data is read from.
func (d *Data) Paths() Paths {
	if d == nil {
		return Paths{}
	}
	return d.paths
}

// open opens a data file, wrapping ErrNotInstalled when it is missing.
func open(path, pkg string) (*os.File, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: %s switched off", ErrNotInstalled, pkg)
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s (apt-get install %s)", ErrNotInstalled, path, pkg)
	}
	return f, err
}
