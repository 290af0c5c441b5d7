//! Text reuse between two articles: the same wire copy, lightly edited, found and aligned.

use glose::analysis::shared::shared_passages;

const WIRE: &str = "MOSCOW, Nov 24 (Wire) - Russian President Vladimir Putin said on Friday that Western search engines and generative models were biased and ignored Russian culture, and that a technology of this importance could not be left to foreign monopolies.";

#[test]
fn the_same_wire_copy_in_two_outlets_is_found_despite_small_edits() {
    let outlet_a =
        format!("Breaking news.\n\n{WIRE}\n\nOur analysis follows below, with several paragraphs of commentary.");
    // Outlet B edits the dateline, changes one word and adds a sentence in the middle.
    let edited = WIRE
        .replace("MOSCOW, Nov 24 (Wire) - ", "")
        .replace("said on Friday", "declared on Friday")
        .replace("and ignored Russian culture", "and, he added, ignored Russian culture");
    let outlet_b = format!("Путин о ИИ 🤝\n{edited} Readers can comment below.");
    let found = shared_passages(&outlet_a, &outlet_b);
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &found[0];
    let slice = |t: &str, (s, e): (usize, usize)| t.chars().skip(s).take(e - s).collect::<String>();
    let in_a = slice(&outlet_a, p.a);
    let in_b = slice(&outlet_b, p.b);
    assert!(in_a.starts_with("Russian President") || in_a.starts_with("Vladimir"), "{in_a}");
    assert!(in_a.ends_with("foreign monopolies"), "{in_a}");
    assert!(in_b.ends_with("foreign monopolies"), "{in_b}");
    assert!(p.similarity > 0.7 && p.similarity <= 1.0, "{}", p.similarity);
}

#[test]
fn unrelated_articles_share_nothing() {
    let a = "China and France issued a joint declaration on artificial intelligence and global governance during the state visit.";
    let b = "The central bank raised interest rates by a quarter point, citing persistent inflation in services and housing.";
    assert!(shared_passages(a, b).is_empty());
    assert!(shared_passages("", b).is_empty());
}

#[test]
fn offsets_are_code_points_in_cjk_and_cyrillic_texts() {
    let common =
        "Москва и Пекин выступили против использования технологических монополий для сдерживания развития других стран";
    let a = format!("⚡️🇷🇺 {common}.");
    let b = format!("Сводка: {common}, заявили стороны.");
    let found = shared_passages(&a, &b);
    assert_eq!(found.len(), 1);
    let slice = |t: &str, (s, e): (usize, usize)| t.chars().skip(s).take(e - s).collect::<String>();
    assert_eq!(slice(&a, found[0].a), common);
    assert_eq!(slice(&b, found[0].b), common);
    assert!((found[0].similarity - 1.0).abs() < 1e-9);
}

#[test]
fn comparing_two_articles_lists_what_each_lacks() {
    use glose::analysis::compare::compare;
    let p = glose::store::load(std::path::Path::new("projects/example.ron")).unwrap().project;
    let en = p.articles.iter().find(|a| a.language == "en").unwrap();
    let ru = p.articles.iter().find(|a| a.language == "ru").unwrap();
    let c = compare(&p, en, ru);
    let name = |e| p.entity(e).unwrap().name.clone();
    let only_en: Vec<String> = c.actors_only_a.iter().map(|&e| name(e)).collect();
    let only_ru: Vec<String> = c.actors_only_b.iter().map(|&e| name(e)).collect();
    // Putin, Russia and China are in both (whatever the language of the mention).
    assert!(
        only_en.contains(&"Sberbank".to_string()) && !only_en.contains(&"Vladimir Putin".to_string()),
        "{only_en:?}"
    );
    assert!(only_ru.contains(&"Xi Jinping".to_string()) && !only_ru.contains(&"Russia".to_string()), "{only_ru:?}");
    // Russia–China alliance is stated in both; Russia–India only in English.
    let russia = p.entities.iter().find(|e| e.name == "Russia").unwrap().id;
    let india = p.entities.iter().find(|e| e.name == "India").unwrap().id;
    assert!(c.links_only_a.iter().any(|&(x, y, _)| [x, y].contains(&russia) && [x, y].contains(&india)));
    assert!(!c.links_only_a.iter().chain(&c.links_only_b).any(|&(x, y, _)| {
        let china = p.entities.iter().find(|e| e.name == "China").unwrap().id;
        [x, y] == [russia.min(china), russia.max(china)]
    }));
    assert!(c.shared.is_empty(), "different languages share no passage");
    assert_eq!(c.claims_only_a.len(), en.spans.iter().filter(|s| p.schema.label_name(s.label) == "Claim").count());
}
