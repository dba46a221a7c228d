/// Given and family names for invented people. Common English names; none is a real person.
enum Names {
    static let female = [
        "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Jessica", "Ella",
        "Chloe", "Hannah", "Megan", "Lucy", "Charlotte", "Ruby", "Holly", "Beth", "Zoe", "Leah",
        "Priya", "Aisha", "Joanne", "Karen", "Tracey", "Sandra", "Margaret", "Joan", "Dorothy", "Patricia",
        "Eileen", "Brenda", "Maureen", "Sheila", "Jean", "Irene", "Pauline", "Doreen", "Sylvia", "Barbara",
    ]
    static let male = [
        "Oliver", "Jack", "Harry", "George", "Noah", "Charlie", "Jacob", "Thomas", "Oscar", "James",
        "William", "Daniel", "Samuel", "Joseph", "Ryan", "Adam", "Mohammed", "Kwame", "Tomasz", "Lee",
        "Arthur", "Kenneth", "Derek", "Roy", "Ronald", "Albert", "Frank", "Harold", "Stanley", "Dennis",
    ]
    static let family = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Harrison",
        "Shaw", "Bennett", "Mason", "Holmes", "Lowe", "Bailey", "Cartwright", "Plant", "Salt", "Bloor",
    ]
}
