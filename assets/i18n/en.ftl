# Glose: the window in English.

## Counts (CLDR plural categories: English one / other)

count-actors =
    { $n ->
        [one] { $n } actor
       *[other] { $n } actors
    }
count-annotated-articles =
    { $n ->
        [one] { $n } annotated article
       *[other] { $n } annotated articles
    }
count-articles =
    { $n ->
        [one] { $n } article
       *[other] { $n } articles
    }
count-files =
    { $n ->
        [one] { $n } file
       *[other] { $n } files
    }
count-relations =
    { $n ->
        [one] { $n } relation
       *[other] { $n } relations
    }
count-spans =
    { $n ->
        [one] { $n } span
       *[other] { $n } spans
    }
count-suggestions =
    { $n ->
        [one] { $n } suggestion
       *[other] { $n } suggestions
    }
count-suggestions-in-this-article =
    { $n ->
        [one] { $n } suggestion in this article
       *[other] { $n } suggestions in this article
    }
count-suggestions-rejected =
    { $n ->
        [one] { $n } suggestion rejected
       *[other] { $n } suggestions rejected
    }
count-things =
    { $n ->
        [one] { $n } thing
       *[other] { $n } things
    }
count-unlinked-mentions =
    { $n ->
        [one] { $n } unlinked mention
       *[other] { $n } unlinked mentions
    }
